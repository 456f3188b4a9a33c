import { type Ctx, inTransaction } from "../../context";
import { changeCall, getCallInTenant } from "./internal";
import { emitEvent } from "../../webhooks/emit";

/** The far end of an outbound call answered. */
export async function outboundAnswered({ ctx, input }: { ctx: Ctx; input: { callId: string } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "ringing") return call;
    return emitEvent(ctx, "call.answered", await changeCall(ctx, call.id, { state: "in_call", answeredAt: ctx.deps.now() }, { type: "answered", data: { userId: call.agentId } }));
  });
}
