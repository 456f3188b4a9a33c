import type { Ctx } from "../../context";
import { accountOf, seatsUsed, subscriptionLive } from "./internal";

/** The billing page: plan state, seats used and paid, next invoice; or self-hosted mode. */
export async function get({ ctx }: { ctx: Ctx }) {
  const used = await seatsUsed(ctx);
  const billing = ctx.deps.billing;
  if (!billing) return { enabled: false as const, seatsUsed: used };
  const account = await accountOf(ctx);
  return {
    enabled: true as const,
    seatsUsed: used,
    seatsPaid: account?.seats ?? 0,
    status: account?.status ?? null,
    live: subscriptionLive(account, billing.graceDays, ctx.deps.now()),
    currentPeriodEnd: account?.currentPeriodEnd?.toISOString() ?? null,
    hasCustomer: account !== null,
  };
}
