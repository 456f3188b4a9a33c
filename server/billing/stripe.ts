/**
 * The Stripe implementation of BillingProvider. Without STRIPE_SECRET_KEY there is none and
 * billing is off (self-hosted: unlimited seats).
 */
import Stripe from "stripe";
import type { SubscriptionStatus } from "@/db/schema/billing";
import type { BillingProvider, SubscriptionState } from "./provider";

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  priceId: string;
  /** Another base URL for Stripe's API (a proxy, or a local fake in tests). */
  apiUrl?: string;
  trialDays: number;
}

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === "string" ? v : v.id);

export function createStripeBilling(s: StripeSettings): BillingProvider {
  const url = s.apiUrl ? new URL(s.apiUrl) : null;
  const stripe = new Stripe(s.secretKey, {
    ...(url ? { host: url.hostname, port: Number(url.port || (url.protocol === "https:" ? 443 : 80)), protocol: url.protocol.replace(":", "") as "http" | "https" } : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
  });

  const toState = (sub: Stripe.Subscription): SubscriptionState => {
    const item = sub.items.data[0];
    return {
      id: sub.id,
      customerId: idOf(sub.customer) ?? "",
      status: sub.status as SubscriptionStatus,
      seats: item?.quantity ?? 0,
      currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    };
  };

  return {
    async createCustomer({ tenantId, name, email }) {
      const c = await stripe.customers.create({ name, ...(email ? { email } : {}), metadata: { tenantId } }, { idempotencyKey: `customer-${tenantId}` });
      return c.id;
    },
    async checkoutUrl({ customerId, tenantId, seats, successUrl, cancelUrl }) {
      const session = await stripe.checkout.sessions.create({
        mode: "subscription",
        customer: customerId,
        client_reference_id: tenantId,
        line_items: [{ price: s.priceId, quantity: seats }],
        subscription_data: { metadata: { tenantId }, ...(s.trialDays > 0 ? { trial_period_days: s.trialDays } : {}) },
        metadata: { tenantId },
        success_url: successUrl,
        cancel_url: cancelUrl,
      });
      if (!session.url) throw new Error("Stripe returned a Checkout session without a URL");
      return session.url;
    },
    async portalUrl({ customerId, returnUrl }) {
      const session = await stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
      return session.url;
    },
    async readSubscription(id) {
      return toState(await stripe.subscriptions.retrieve(id));
    },
    async latestSubscription(customerId) {
      const list = await stripe.subscriptions.list({ customer: customerId, status: "all", limit: 1 });
      const sub = list.data[0];
      return sub ? toState(sub) : null;
    },
    verifyWebhook(rawBody, signature) {
      const event = stripe.webhooks.constructEvent(rawBody, signature, s.webhookSecret);
      const obj = event.data.object as { object?: string; id?: string; customer?: string | { id: string } | null; subscription?: string | { id: string } | null };
      const subscriptionId = obj.object === "subscription" ? (obj.id ?? null) : idOf(obj.subscription);
      return { id: event.id, type: event.type, subscriptionId, customerId: idOf(obj.customer) };
    },
  };
}
