import type { Deps } from "../context";
import type { Env } from "../env";
import { createStripeBilling } from "./stripe";

/** Billing is on when a Stripe key is configured; env validation made sure the rest is there. */
export function billingFromEnv(env: Env): Deps["billing"] {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET || !env.STRIPE_PRICE_ID) return null;
  return {
    provider: createStripeBilling({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      priceId: env.STRIPE_PRICE_ID,
      apiUrl: env.STRIPE_API_URL,
      trialDays: env.STRIPE_TRIAL_DAYS,
    }),
    graceDays: env.BILLING_GRACE_DAYS,
    publicUrl: env.PUBLIC_URL ?? null,
  };
}
