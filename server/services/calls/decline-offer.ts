import { and, eq } from "drizzle-orm";
import { callOffers } from "@/db/schema";
import { type Ctx, actorUserId, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { releaseOffer } from "./release-offer";

/** The agent declines: the call goes back to its queue and the agent takes a short break. */
export async function declineOffer({ ctx, input }: { ctx: Ctx; input: { offerId: string } }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only an agent declines calls");
  return inTransaction(ctx, async (ctx) => {
    const [offer] = await ctx.tx
      .select()
      .from(callOffers)
      .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.id, input.offerId), eq(callOffers.userId, userId)));
    if (!offer) throw new AppError("not_found", "Offer not found");
    const released = await releaseOffer(ctx, offer.id, "declined");
    if (!released) throw new AppError("conflict", "This call is no longer offered to you");
    return released;
  });
}
