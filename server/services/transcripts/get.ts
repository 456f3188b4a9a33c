import { and, eq } from "drizzle-orm";
import { transcripts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError } from "../../errors";
import { getCallInTenant } from "../calls/internal";
import { toTranscriptOut } from "./internal";

/** A call's transcript, or where it stands (never another tenant's: not found). */
export async function get({ ctx, input }: { ctx: Ctx; input: { callId: string } }) {
  await getCallInTenant(ctx, input.callId);
  const [t] = await exec(ctx)
    .select()
    .from(transcripts)
    .where(and(eq(transcripts.tenantId, ctx.tenantId), eq(transcripts.callId, input.callId)));
  if (!t) throw new AppError("not_found", "This call has no transcript (transcription is off for your organization, or the call was not recorded)");
  return toTranscriptOut(t);
}
