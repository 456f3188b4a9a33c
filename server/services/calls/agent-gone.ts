import { and, eq } from "drizzle-orm";
import { callOffers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { releaseOffer } from "./release-offer";

/**
 * An agent whose every browser disconnected: an offer ringing for them is taken back (missed,
 * the call goes to the next agent) instead of ringing into the void until the ring timeout.
 */
export async function agentGone({ ctx, input }: { ctx: Ctx; input: { userId: string } }) {
  return inTransaction(ctx, async (ctx) => {
    const pending = await ctx.tx
      .select({ id: callOffers.id })
      .from(callOffers)
      .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.userId, input.userId), eq(callOffers.result, "pending")));
    for (const o of pending) await releaseOffer(ctx, o.id, "missed");
    return pending.length;
  });
}
