import type { Ctx } from "../../context";
import { billingBase, billingOff, ensureCustomer } from "./internal";

/** The Stripe Customer Portal, to change seats, card or cancel. */
export async function portal({ ctx, input }: { ctx: Ctx; input: { origin: string } }) {
  const billing = ctx.deps.billing;
  if (!billing) throw billingOff();
  const customerId = await ensureCustomer(ctx);
  return { url: await billing.provider.portalUrl({ customerId, returnUrl: `${billingBase(ctx, input.origin)}/admin/billing` }) };
}
