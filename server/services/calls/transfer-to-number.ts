import { type Ctx, actorUserId, afterCommit, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { AFTER_CALL_WORK_MS } from "./end";
import { addCallEvent, changeCall, getCallInTenant } from "./internal";
import { type OutboundDial, outboundTrunk } from "./outbound-trunk";

/**
 * A blind transfer to a phone number through the tenant's outbound trunk, asked by the agent in
 * the call (who moves on to after-call work) or by the caller's IVR flow. The record notes it;
 * the caller's SIP leg is then bridged to the number by telephony. Returns how to dial it.
 */
export async function transferToNumber({ ctx, input }: { ctx: Ctx; input: { callId: string; number: string } }): Promise<OutboundDial> {
  const userId = actorUserId(ctx);
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (userId) {
      if (call.state !== "in_call" || call.agentId !== userId) throw new AppError("conflict", "Only the agent in the call can transfer it");
    } else if (call.state === "ended") throw new AppError("conflict", "The call has ended");
    if (call.toNumber === input.number) throw new AppError("validation_failed", "That is the number the caller dialled");
    const dial = await outboundTrunk(ctx);
    await changeCall(ctx, call.id, { state: "in_call" }, { type: "transfer_number", data: { to: input.number, from: userId ?? "ivr", trunkId: dial.trunkId } });
    if (userId) {
      await moveAgent(ctx, userId, "after_call_work", { callId: call.id, until: new Date(ctx.deps.now().getTime() + AFTER_CALL_WORK_MS), from: ["in_call"], onCall: call.id });
      afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
    }
    return dial;
  });
}

/** How the transfer went: connected, or why not (busy, no_answer, rejected, unreachable). */
export async function transferOutcome({ ctx, input }: { ctx: Ctx; input: { callId: string; number: string; outcome: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId);
    const type = input.outcome === "connected" ? "transfer_connected" : "transfer_failed";
    await addCallEvent(ctx, call.id, { type, data: { to: input.number, ...(type === "transfer_failed" ? { reason: input.outcome } : {}) } });
  });
}
