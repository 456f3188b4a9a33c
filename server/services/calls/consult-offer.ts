import { callOffers } from "@/db/schema";
import { type Ctx, actorUserId, afterCommit, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { getUserInTenant } from "../users/internal";
import { addCallEvent, getCallInTenant } from "./internal";
import { outboundTrunk } from "./outbound-trunk";

/** How long a consulted agent's phone rings before the consult gives up (missed). */
export const CONSULT_RING_MS = 30_000;

/**
 * Warm transfer, first step: the agent in the call asks another agent, who must be available,
 * to talk first. The other agent rings (an offer of the same call) while the caller waits.
 */
export async function consultOffer({ ctx, input }: { ctx: Ctx; input: { callId: string; userId: string } }) {
  const userId = actorUserId(ctx);
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "in_call" || call.agentId !== userId || !userId) throw new AppError("conflict", "Only the agent in the call can consult");
    if (input.userId === userId) throw new AppError("validation_failed", "You cannot consult yourself");
    const other = await getUserInTenant(ctx, input.userId);
    const me = await getUserInTenant(ctx, userId);
    const moved = await moveAgent(ctx, other.id, "ringing", { callId: call.id, from: ["available"] });
    if (!moved) throw new AppError("conflict", `${other.name} is not available`);
    const now = ctx.deps.now();
    const [offer] = await ctx.tx
      .insert(callOffers)
      .values({ tenantId: ctx.tenantId, callId: call.id, userId: other.id, offeredAt: now, expiresAt: new Date(now.getTime() + CONSULT_RING_MS) })
      .returning();
    if (!offer) throw new Error("offer insert returned nothing");
    await addCallEvent(ctx, call.id, { type: "consult_offered", data: { from: userId, userId: other.id, offerId: offer.id } });
    const out = {
      offerId: offer.id,
      callId: call.id,
      expiresAt: offer.expiresAt.toISOString(),
      fromNumber: call.fromNumber,
      toNumber: call.toNumber,
      queueId: call.queueId,
      queueName: `Consult from ${me.name}`,
      enqueuedAt: null,
    };
    afterCommit(ctx, () => ctx.deps.notifyUser(other.id, { type: "call:offered", ...out }));
    return { offer: out, user: { id: other.id, name: other.name } };
  });
}

/** Warm transfer to a phone number, first step: the record notes it; returns how to dial it. */
export async function consultNumber({ ctx, input }: { ctx: Ctx; input: { callId: string; number: string } }) {
  const userId = actorUserId(ctx);
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "in_call" || call.agentId !== userId || !userId) throw new AppError("conflict", "Only the agent in the call can consult");
    const dial = await outboundTrunk(ctx);
    await addCallEvent(ctx, call.id, { type: "consult_offered", data: { from: userId, number: input.number, trunkId: dial.trunkId } });
    return dial;
  });
}
