import { z } from "zod";

export const settingsUpdate = z.strictObject({
  recordingEnabled: z.boolean(),
  recordingRetentionDays: z.number().int().min(1).max(3650),
}).partial();
export const settingsOut = z.object({ name: z.string(), recordingEnabled: z.boolean(), recordingRetentionDays: z.number() });
