import { and, eq } from "drizzle-orm";
import { tenants, transcripts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError } from "../../errors";
import { getCallInTenant } from "../calls/internal";
import { toTranscriptOut } from "./internal";

/** A call's transcript, or where it stands (never another tenant's: not found). */
export async function get({ ctx, input }: { ctx: Ctx; input: { callId: string } }) {
  const call = await getCallInTenant(ctx, input.callId);
  const [t] = await exec(ctx)
    .select()
    .from(transcripts)
    .where(and(eq(transcripts.tenantId, ctx.tenantId), eq(transcripts.callId, input.callId)));
  if (!t) throw new AppError("not_found", await whyNone(ctx, call.recordingPath !== null));
  return toTranscriptOut(t);
}

/** Why a call has no transcript, in words an admin can act on. */
async function whyNone(ctx: Ctx, recorded: boolean): Promise<string> {
  if (!recorded) return "This call has no transcript: it was not recorded (or its recording was deleted after the retention period)";
  const [tenant] = await exec(ctx).select({ on: tenants.transcriptionEnabled }).from(tenants).where(eq(tenants.id, ctx.tenantId));
  if (!tenant?.on) return "This call has no transcript: transcription was off for your organization when it was recorded (a supervisor can ask for one)";
  if (!ctx.deps.speechToText) return "This call has no transcript: this server has no speech-to-text engine (TRANSCRIPTION is off, or PocketSphinx is not installed)";
  return "This call has no transcript yet";
}
