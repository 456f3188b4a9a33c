import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { billingBase, billingOff, ensureCustomer } from "./internal";

/** A Stripe Checkout session in subscription mode for `seats` seats. */
export async function checkout({ ctx, input }: { ctx: Ctx; input: { seats: number; origin: string } }) {
  const billing = ctx.deps.billing;
  if (!billing) throw billingOff();
  const customerId = await ensureCustomer(ctx);
  const url = await billing.provider.checkoutUrl({
    customerId,
    tenantId: ctx.tenantId,
    seats: input.seats,
    successUrl: `${billingBase(ctx, input.origin)}/admin/billing?checkout=done`,
    cancelUrl: `${billingBase(ctx, input.origin)}/admin/billing?checkout=cancelled`,
  });
  await inTransaction(ctx, (ctx) => recordAudit(ctx, { action: "billing.checkout", data: { seats: input.seats } }));
  return { url };
}

