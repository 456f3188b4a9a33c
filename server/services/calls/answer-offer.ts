import { and, eq, gt } from "drizzle-orm";
import { callOffers } from "@/db/schema";
import { type Ctx, actorUserId, afterCommit, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { changeCall, getCallInTenant } from "./internal";
import { emitEvent } from "../../webhooks/emit";

/** The agent takes the call offered to them (the offer must still be pending and theirs). */
export async function answerOffer({ ctx, input }: { ctx: Ctx; input: { offerId: string } }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only an agent answers calls");
  return inTransaction(ctx, async (ctx) => {
    const now = ctx.deps.now();
    const [offer] = await ctx.tx
      .update(callOffers)
      .set({ result: "answered", respondedAt: now })
      .where(
        and(
          eq(callOffers.tenantId, ctx.tenantId),
          eq(callOffers.id, input.offerId),
          eq(callOffers.userId, userId),
          eq(callOffers.result, "pending"),
          gt(callOffers.expiresAt, now),
        ),
      )
      .returning();
    if (!offer) throw new AppError("conflict", "This call is no longer offered to you");
    const call = await getCallInTenant(ctx, offer.callId, { forUpdate: true });
    if (call.state !== "offering") throw new AppError("conflict", "The caller hung up");
    const row = await changeCall(ctx, call.id, { state: "in_call", agentId: userId, answeredAt: call.answeredAt ?? now }, { type: "answered", data: { userId } });
    await moveAgent(ctx, userId, "in_call", { callId: call.id });
    afterCommit(ctx, () => ctx.deps.notifyUser(userId, { type: "call:offer-ended", offerId: offer.id, callId: call.id, result: "answered" }));
    await emitEvent(ctx, "call.answered", row);
    return row;
  });
}
