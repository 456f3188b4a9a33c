import { z } from "zod";

export const settingsUpdate = z.strictObject({
  recordingEnabled: z.boolean(),
  recordingRetentionDays: z.number().int().min(1).max(3650),
  transcriptionEnabled: z.boolean(),
}).partial();
export const settingsOut = z.object({
  name: z.string(),
  recordingEnabled: z.boolean(),
  recordingRetentionDays: z.number(),
  /** Recorded calls are transcribed after they end (PII masked). */
  transcriptionEnabled: z.boolean(),
  /** This server's speech-to-text engine, null when there is none (transcription cannot be turned on). */
  transcriptionProvider: z.string().nullable(),
});
