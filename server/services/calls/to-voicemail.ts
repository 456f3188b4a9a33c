import { type Ctx, inTransaction } from "../../context";
import { changeCall, getCallInTenant } from "./internal";

/** The caller leaves a message instead of waiting (IVR voicemail, or the queue's maximum wait). */
export async function toVoicemail({ ctx, input }: { ctx: Ctx; input: { callId: string; why: "ivr" | "max_wait" } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "ringing" && call.state !== "queued") return null;
    return changeCall(ctx, call.id, { state: "voicemail" }, { type: "voicemail", data: { why: input.why } });
  });
}
