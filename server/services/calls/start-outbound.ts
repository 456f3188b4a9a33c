import { type Ctx, actorUserId, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { insertCall } from "./internal";
import { emitEvent } from "../../webhooks/emit";
import { outboundTrunk } from "./outbound-trunk";

/**
 * Click-to-call: the record of an agent's outbound call through one of the tenant's outbound
 * trunks (the first by name unless one is named), the agent busy with it from the start.
 * Returns what the gateway needs to dial, credentials unsealed for this one use.
 */
export async function startOutbound({ ctx, input }: { ctx: Ctx; input: { toNumber: string; trunkId?: string } }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only an agent places calls");
  return inTransaction(ctx, async (ctx) => {
    const dial = await outboundTrunk(ctx, input.trunkId);
    const row = await insertCall(
      ctx,
      {
        direction: "outbound",
        fromNumber: dial.callerId,
        toNumber: input.toNumber,
        trunkId: dial.trunkId,
        agentId: userId,
        state: "ringing",
        nodeId: ctx.deps.nodeId,
        startedAt: ctx.deps.now(),
      },
      { type: "dial", data: { to: input.toNumber, trunkId: dial.trunkId, userId } },
    );
    const moved = await moveAgent(ctx, userId, "in_call", { callId: row.id, from: ["available", "break", "offline", "after_call_work"] });
    if (!moved) throw new AppError("conflict", "Finish your current call first");
    await emitEvent(ctx, "call.started", row);
    return { call: row, dial };
  });
}
