import type { SubscriptionStatus } from "@/db/schema/billing";

/** A subscription as Stripe's API reports it (never as a webhook body claims it). */
export interface SubscriptionState {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  seats: number;
  currentPeriodEnd: Date | null;
}

/** What billing needs from Stripe; tests put a local HTTP fake behind STRIPE_API_URL. */
export interface BillingProvider {
  createCustomer(o: { tenantId: string; name: string; email: string | null }): Promise<string>;
  checkoutUrl(o: { customerId: string; tenantId: string; seats: number; successUrl: string; cancelUrl: string }): Promise<string>;
  portalUrl(o: { customerId: string; returnUrl: string }): Promise<string>;
  readSubscription(id: string): Promise<SubscriptionState>;
  /** The customer's newest subscription, for events that name only the customer. */
  latestSubscription(customerId: string): Promise<SubscriptionState | null>;
  /** Checks the signature on the raw body; returns the event's id, type and the objects it names. */
  verifyWebhook(rawBody: string, signature: string): { id: string; type: string; subscriptionId: string | null; customerId: string | null };
}
