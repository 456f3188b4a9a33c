import type { WebhookEvent } from "@/db/schema/integrations";

export type { WebhookEvent };

/** The events a webhook can subscribe to, as the console names them (same order as the API's list). */
export const EVENT_LABELS = {
  "call.started": "Call started",
  "call.answered": "Call answered",
  "call.ended": "Call ended",
  "call.wrapped_up": "Call wrapped up",
  "call.transcribed": "Call transcribed (the transcript, PII masked)",
  "ticket.created": "Ticket created",
  "ticket.updated": "Ticket updated",
  "contact.lookup": "Contact lookup (the screen pop asks your CRM about the caller)",
} as const satisfies Record<WebhookEvent, string>;
export const EVENTS = Object.keys(EVENT_LABELS) as WebhookEvent[];

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  active: boolean;
  lastDelivery: Pick<Delivery, "id" | "eventType" | "status" | "lastStatus" | "attempts" | "createdAt"> | null;
  createdAt: string;
  updatedAt: string;
}

export type WebhookWithSecret = Webhook & { secret: string };

const TONE = { pending: "amber", delivered: "green", failed: "red" } as const;
const LABEL = { pending: "Pending", delivered: "Delivered", failed: "Failed" } as const;
/** A delivery's badge: pending after a failed attempt reads "Retrying". */
export const deliveryBadge = (d: Pick<Delivery, "status" | "attempts">) => ({
  tone: TONE[d.status],
  label: d.status === "pending" && d.attempts > 0 ? "Retrying" : LABEL[d.status],
});
export const eventLabel = (type: string) => (type === "ping" ? "Test (ping)" : (EVENT_LABELS[type as WebhookEvent] ?? type));
