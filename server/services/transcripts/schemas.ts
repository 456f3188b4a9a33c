import { z } from "zod";
import { TRANSCRIPT_STATUS } from "@/db/schema/transcripts";

export const transcriptOut = z.object({
  callId: z.uuid(),
  /** queued and running: on its way; done; failed: gave up (see `error`). */
  status: z.enum(TRANSCRIPT_STATUS),
  /** The engine that made it (pocketsphinx, http), once done. */
  provider: z.string().nullable(),
  language: z.string(),
  /** Utterances of each side in the order they were said; PII (cards, numbers, e-mail addresses) already masked. */
  segments: z.array(z.object({ speaker: z.enum(["caller", "agent"]), startMs: z.number().int(), endMs: z.number().int(), text: z.string() })),
  maskedCount: z.number().int().min(0),
  attempts: z.number().int().min(0),
  /** Why the last attempt failed (a retry may still come while queued). */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
});
export type TranscriptOut = z.infer<typeof transcriptOut>;
