import { and, eq, gt } from "drizzle-orm";
import { callOffers } from "@/db/schema";
import { type Ctx, actorUserId, afterCommit, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { addCallEvent, getCallInTenant } from "./internal";

/** The consulted agent picks up: they are in the call (talking to its agent; the caller waits). */
export async function consultAnswer({ ctx, input }: { ctx: Ctx; input: { offerId: string } }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only an agent answers calls");
  return inTransaction(ctx, async (ctx) => {
    const now = ctx.deps.now();
    const [offer] = await ctx.tx
      .update(callOffers)
      .set({ result: "answered", respondedAt: now })
      .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.id, input.offerId), eq(callOffers.userId, userId), eq(callOffers.result, "pending"), gt(callOffers.expiresAt, now)))
      .returning();
    if (!offer) throw new AppError("conflict", "This call is no longer offered to you");
    const call = await getCallInTenant(ctx, offer.callId);
    if (call.state !== "in_call") throw new AppError("conflict", "The caller hung up");
    await moveAgent(ctx, userId, "in_call", { callId: call.id, from: ["ringing"] });
    await addCallEvent(ctx, call.id, { type: "consult_answered", data: { userId } });
    afterCommit(ctx, () => ctx.deps.notifyUser(userId, { type: "call:offer-ended", offerId: offer.id, callId: call.id, result: "answered" }));
    return call;
  });
}
