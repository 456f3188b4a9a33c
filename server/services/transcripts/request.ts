import { sql } from "drizzle-orm";
import { transcripts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError } from "../../errors";
import { getCallInTenant } from "../calls/internal";
import { get } from "./get";

/**
 * Asks for a call's transcript now (a call made before transcription was turned on, or one
 * whose transcript failed): queued again from scratch. Needs the recording, and a provider here.
 */
export async function request({ ctx, input }: { ctx: Ctx; input: { callId: string } }) {
  const call = await getCallInTenant(ctx, input.callId);
  if (!ctx.deps.speechToText) throw new AppError("conflict", "Transcription is not available on this server (no speech-to-text provider is configured: see TRANSCRIPTION)");
  if (!call.recordingPath) throw new AppError("conflict", "This call has no recording to transcribe (recording off, still in progress, or deleted after the retention period)");
  const now = ctx.deps.now();
  const fresh = { status: "queued" as const, provider: null, segments: [], maskedCount: 0, attempts: 0, nextAttemptAt: now, error: null, completedAt: null, createdAt: now, updatedAt: now };
  const [queued] = await exec(ctx)
    .insert(transcripts)
    .values({ callId: call.id, tenantId: ctx.tenantId, ...fresh })
    // A transcript on its way is left alone; a finished or failed one starts over.
    .onConflictDoUpdate({ target: transcripts.callId, set: fresh, setWhere: sql`${transcripts.status} in ('done', 'failed') and ${transcripts.tenantId} = ${ctx.tenantId}` })
    .returning({ callId: transcripts.callId });
  if (!queued) throw new AppError("conflict", "This call's transcript is already on its way");
  ctx.deps.kickTranscription?.();
  return get({ ctx, input });
}
