import { eq } from "drizzle-orm";
import { billingAccounts, stripeEvents } from "@/db/schema";
import type { Deps } from "../../context";
import { AppError } from "../../errors";
import { billingOff } from "./internal";

/**
 * A Stripe webhook: the signature is checked on the raw body (forged or stale -> 400, nothing
 * changed), then the subscription is read again from Stripe's API (the event body is never
 * trusted) and stored. Each event id is handled once.
 */
export async function handleWebhook({ deps, input }: { deps: Deps; input: { rawBody: string; signature: string | null } }) {
  const billing = deps.billing;
  if (!billing) throw billingOff();
  if (!input.signature) throw new AppError("bad_request", "Missing Stripe-Signature header");
  let event: ReturnType<typeof billing.provider.verifyWebhook>;
  try {
    event = billing.provider.verifyWebhook(input.rawBody, input.signature);
  } catch {
    throw new AppError("bad_request", "Webhook signature verification failed");
  }
  const [seen] = await deps.db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen) return { received: true, duplicate: true };

  const [account] = event.customerId
    ? await deps.db.select().from(billingAccounts).where(eq(billingAccounts.stripeCustomerId, event.customerId))
    : event.subscriptionId
      ? await deps.db.select().from(billingAccounts).where(eq(billingAccounts.stripeSubscriptionId, event.subscriptionId))
      : [];
  if (account) {
    const sub = event.subscriptionId ? await billing.provider.readSubscription(event.subscriptionId) : await billing.provider.latestSubscription(account.stripeCustomerId);
    // A subscription of another customer than the one on file changes nothing.
    if (sub && sub.customerId === account.stripeCustomerId) {
      const now = deps.now();
      await deps.db
        .update(billingAccounts)
        .set({
          stripeSubscriptionId: sub.id,
          status: sub.status,
          seats: sub.seats,
          currentPeriodEnd: sub.currentPeriodEnd,
          pastDueSince: sub.status === "past_due" ? (account.pastDueSince ?? now) : null,
          updatedAt: now,
        })
        .where(eq(billingAccounts.tenantId, account.tenantId));
    }
  }
  await deps.db.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing();
  return { received: true, duplicate: false };
}
