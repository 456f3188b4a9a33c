import { and, eq, sql } from "drizzle-orm";
import { transcripts, tenants } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import type { TranscriptOut } from "./schemas";

export const toTranscriptOut = (t: typeof transcripts.$inferSelect): TranscriptOut => ({
  callId: t.callId,
  status: t.status,
  provider: t.provider,
  language: t.language,
  segments: t.segments,
  maskedCount: t.maskedCount,
  attempts: t.attempts,
  error: t.error,
  createdAt: t.createdAt.toISOString(),
  completedAt: t.completedAt?.toISOString() ?? null,
});

/**
 * Queues a just-recorded call for its transcript when the tenant has transcription on (one
 * statement: the tenant's switch is read by the insert itself). Nothing when this node has no
 * speech-to-text provider.
 */
export async function enqueueIfEnabled(ctx: Ctx, callId: string): Promise<void> {
  if (!ctx.deps.speechToText) return;
  const db = exec(ctx);
  // The node's clock, as the claim reads it: the database's now() has microseconds, and a claim
  // in the same millisecond would find the job not due yet.
  const now = sql<Date>`${ctx.deps.now().toISOString()}::timestamptz`;
  const queued = await db
    .insert(transcripts)
    .select(
      db
        .select({
          callId: sql<string>`${callId}::uuid`.as("call_id"),
          tenantId: tenants.id,
          status: sql<"queued">`'queued'`.as("status"),
          provider: sql<null>`null`.as("provider"),
          language: sql<string>`'en-US'`.as("language"),
          segments: sql`'[]'::jsonb`.as("segments"),
          maskedCount: sql<number>`0`.as("masked_count"),
          attempts: sql<number>`0`.as("attempts"),
          nextAttemptAt: sql<Date>`${now}`.as("next_attempt_at"),
          error: sql<null>`null`.as("error"),
          completedAt: sql<null>`null`.as("completed_at"),
          createdAt: sql<Date>`${now}`.as("created_at"),
          updatedAt: sql<Date>`${now}`.as("updated_at"),
        })
        .from(tenants)
        .where(and(eq(tenants.id, ctx.tenantId), eq(tenants.transcriptionEnabled, true))),
    )
    .onConflictDoNothing()
    .returning({ callId: transcripts.callId });
  if (queued.length) ctx.deps.kickTranscription?.();
}
