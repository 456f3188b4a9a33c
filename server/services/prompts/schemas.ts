import { z } from "zod";

export const promptName = z.string().trim().min(1, "is required").max(80);
export const promptRename = z.strictObject({ name: promptName });
export type PromptRename = z.infer<typeof promptRename>;

/** A prompt as the API shows it: never its audio (GET /prompts/{id}/audio has that). */
export const promptOut = z.object({
  id: z.uuid(),
  name: z.string(),
  originalName: z.string().nullable(),
  durationMs: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PromptOut = z.infer<typeof promptOut>;

/** The text fields of the multipart upload (the file is the `file` field). */
export const promptUploadFields = z.strictObject({ name: promptName });
/** The whole multipart upload, for the API document. */
export const promptUploadForm = z.strictObject({ name: promptName, file: z.file().describe("A WAV (PCM, float, mu-law or A-law; any rate; mono or stereo) or MP3 file: at most 10 MB and 5 minutes") });

export interface PromptUpload {
  /** Parsed with `promptName`. */
  name: string;
  /** The uploaded file's own name, kept for the admin's reference. */
  originalName: string | null;
  bytes: Buffer;
}
