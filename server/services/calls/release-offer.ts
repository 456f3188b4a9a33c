import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { callOffers, calls } from "@/db/schema";
import { type Ctx, afterCommit } from "../../context";
import { moveAgent } from "../agents/internal";
import { addCallEvent, toLiveCall } from "./internal";

/** A missed or declined offer keeps the agent out of routing this long. */
export const SHORT_BREAK_MS = 15_000;

/**
 * Ends a pending offer that was not answered. declined/missed: the call is queued again and
 * the agent goes on a short break; cancelled (the caller hung up): the agent is free again.
 * Returns null when the offer was no longer pending.
 */
export async function releaseOffer(ctx: Ctx & { tx: Executor }, offerId: string, result: "declined" | "missed" | "cancelled") {
  const now = ctx.deps.now();
  const [offer] = await ctx.tx
    .update(callOffers)
    .set({ result, respondedAt: now })
    .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.id, offerId), eq(callOffers.result, "pending")))
    .returning();
  if (!offer) return null;
  if (result === "cancelled") {
    await moveAgent(ctx, offer.userId, "available", { from: ["ringing"] });
  } else {
    await moveAgent(ctx, offer.userId, "break", {
      reason: result === "declined" ? "Declined a call" : "Missed a call",
      until: new Date(now.getTime() + SHORT_BREAK_MS),
      from: ["ringing"],
    });
    const [call] = await ctx.tx
      .update(calls)
      .set({ state: "queued" })
      .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, offer.callId), eq(calls.state, "offering")))
      .returning();
    if (call) afterCommit(ctx, () => ctx.deps.notify(ctx.tenantId, { type: "call:updated", ...toLiveCall(call) }));
    afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
  }
  await addCallEvent(ctx, offer.callId, { type: `offer_${result}`, data: { userId: offer.userId, offerId: offer.id } });
  afterCommit(ctx, () => ctx.deps.notifyUser(offer.userId, { type: "call:offer-ended", offerId: offer.id, callId: offer.callId, result }));
  return offer;
}
