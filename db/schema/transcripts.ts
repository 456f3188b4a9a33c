import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { calls } from "./calls";
import { createdAt, tenantId, updatedAt } from "./common";
import { tenants } from "./tenants";

/** queued: waiting for a node to take it; running: a node is on it (until its lease ends); done; failed (gave up). */
export const TRANSCRIPT_STATUS = ["queued", "running", "done", "failed"] as const;
export type TranscriptStatus = (typeof TRANSCRIPT_STATUS)[number];

/** One utterance of one side of the call, with its PII already masked. */
export interface TranscriptSegment {
  speaker: "caller" | "agent";
  startMs: number;
  endMs: number;
  text: string;
}

/**
 * A call's transcript, made from its recording by the speech-to-text provider after the call.
 * It is also the job's row: a node claims it by moving `nextAttemptAt` past a lease, so a
 * restart (or a lost node) leaves it due again. Only masked text is ever stored.
 */
export const transcripts = pgTable(
  "transcripts",
  {
    callId: uuid("call_id")
      .primaryKey()
      .references(() => calls.id, { onDelete: "cascade" }),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    status: text("status", { enum: TRANSCRIPT_STATUS }).notNull().default("queued"),
    /** The provider that made it (pocketsphinx, http), set when done. */
    provider: text("provider"),
    language: text("language").notNull().default("en-US"),
    segments: jsonb("segments").$type<TranscriptSegment[]>().notNull().default([]),
    /** How many pieces of PII were masked (cards, numbers, emails). */
    maskedCount: integer("masked_count").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    error: text("error"),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("transcripts_due_idx").on(t.status, t.nextAttemptAt), index("transcripts_tenant_idx").on(t.tenantId, t.createdAt)],
);
