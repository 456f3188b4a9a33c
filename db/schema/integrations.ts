import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, updatedAt } from "./common";
import { tenants } from "./tenants";

/** Events a tenant's webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  "call.started",
  "call.answered",
  "call.ended",
  "call.wrapped_up",
  /** The call's transcript is done (its masked utterances). */
  "call.transcribed",
  "ticket.created",
  "ticket.updated",
  /** Not an event: a request the screen pop makes (the receiver answers with the caller's CRM record). */
  "contact.lookup",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUS = ["pending", "delivered", "failed"] as const;

/** A tenant's HTTPS endpoint for signed event notifications; the secret is sealed (server/crypto). */
export const webhooks = pgTable(
  "webhooks",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    events: jsonb("events").$type<WebhookEvent[]>().notNull(),
    secretSealed: text("secret_sealed").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhooks_tenant_idx").on(t.tenantId)],
);

/** One event to one webhook: kept until delivered or given up, retried with backoff. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: text("status", { enum: DELIVERY_STATUS }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_webhook_idx").on(t.tenantId, t.webhookId, t.createdAt),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** An uploaded audio prompt, converted on upload to G.711 mu-law, 8 kHz mono (raw samples). */
export const prompts = pgTable(
  "prompts",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    originalName: text("original_name"),
    durationMs: integer("duration_ms").notNull(),
    ulaw: bytea("ulaw").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("prompts_tenant_name_key").on(t.tenantId, t.name)],
);
