import { z } from "zod";

export const dispositionInput = z.strictObject({ name: z.string().trim().min(1, "is required").max(80) });
export type DispositionInput = z.infer<typeof dispositionInput>;
export const dispositionOut = z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime() });
