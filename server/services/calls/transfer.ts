import { type Ctx, actorUserId, afterCommit, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { AFTER_CALL_WORK_MS } from "./end";
import { moveAgent } from "../agents/internal";
import { type EnqueueTarget, enqueue } from "./enqueue";
import { addCallEvent, getCallInTenant } from "./internal";

/**
 * Blind transfer by the agent in the call: the caller waits again, in another queue or for one
 * agent, and the transferring agent moves on to after-call work.
 */
export async function transfer({ ctx, input }: { ctx: Ctx; input: { callId: string } & EnqueueTarget }) {
  const userId = actorUserId(ctx);
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "in_call" || call.agentId !== userId || !userId) throw new AppError("conflict", "Only the agent in the call can transfer it");
    if ("userId" in input && input.userId === userId) throw new AppError("validation_failed", "You cannot transfer a call to yourself");
    await addCallEvent(ctx, call.id, { type: "transfer_blind", data: { from: userId, ...input } });
    const row = await enqueue({ ctx, input: "queueId" in input ? { callId: call.id, queueId: input.queueId } : { callId: call.id, userId: input.userId } });
    await moveAgent(ctx, userId, "after_call_work", { callId: call.id, until: new Date(ctx.deps.now().getTime() + AFTER_CALL_WORK_MS), from: ["in_call"] });
    afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
    return row;
  });
}
