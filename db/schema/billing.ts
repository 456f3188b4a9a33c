import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Stripe subscription statuses we store as Stripe names them. */
export const SUBSCRIPTION_STATUSES = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** A tenant's Stripe customer and subscription, as last read from Stripe's API. */
export const billingAccounts = pgTable("billing_accounts", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  stripeCustomerId: text("stripe_customer_id").notNull().unique(),
  stripeSubscriptionId: text("stripe_subscription_id"),
  status: text("status", { enum: SUBSCRIPTION_STATUSES }),
  seats: integer("seats").notNull().default(0),
  currentPeriodEnd: ts("current_period_end"),
  /** When a past_due subscription first failed to pay: calls stop after the grace period. */
  pastDueSince: ts("past_due_since"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Webhook events already handled: Stripe retries, each event id changes state once. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: ts("received_at").notNull().defaultNow(),
});
