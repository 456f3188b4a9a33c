import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type WebhookEvent, webhookDeliveries, webhooks } from "@/db/schema";
import { type Ctx, exec } from "../context";
import { type CallRow, toLiveCall } from "../services/calls/internal";
import type { TicketOut } from "../services/tickets/schemas";
import type { TranscriptOut } from "../services/transcripts/schemas";

/** What a service hands over for each event: the call's row (sent as a summary) or the ticket it returns. */
export interface EventSource {
  "call.started": CallRow;
  "call.answered": CallRow;
  "call.ended": CallRow;
  "call.wrapped_up": CallRow;
  "call.transcribed": TranscriptOut;
  "ticket.created": TicketOut;
  "ticket.updated": TicketOut;
}

/** The body every receiver gets; `id` is the same for each webhook the event goes to. */
export interface EventPayload {
  id: string;
  type: WebhookEvent | "ping";
  createdAt: string;
  tenantId: string;
  data: unknown;
}

/** A call as webhooks see it: ids, numbers, state and its times. */
export const callEventData = (c: CallRow) => ({ ...toLiveCall(c), trunkId: c.trunkId, dispositionId: c.dispositionId, wrappedUpAt: c.wrappedUpAt?.toISOString() ?? null });

const isCallEvent = (type: WebhookEvent): type is "call.started" | "call.answered" | "call.ended" | "call.wrapped_up" => type.startsWith("call.") && type !== "call.transcribed";

/**
 * The outbox: one pending delivery per active webhook of the tenant subscribed to `type`,
 * written in ctx's transaction (none for a change that rolls back, none lost once it commits).
 * Returns `source`, so a service can emit and return in one expression.
 */
export async function emitEvent<E extends keyof EventSource>(ctx: Ctx, type: E, source: EventSource[E]): Promise<EventSource[E]> {
  // KEY SHARE: a webhook deleted meanwhile waits for this transaction (or is already gone from the list).
  const targets = await exec(ctx)
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.tenantId, ctx.tenantId), eq(webhooks.active, true), sql`${webhooks.events} @> ${JSON.stringify([type])}::jsonb`))
    .for("key share");
  if (targets.length === 0) return source;
  const data = isCallEvent(type) ? callEventData(source as CallRow) : source;
  await queueDeliveries(ctx, targets.map((t) => t.id), type, data);
  return source;
}

/** Inserts the pending deliveries (due now) of one event to webhooks already checked to be ctx's tenant's. */
export async function queueDeliveries(ctx: Ctx, verifiedWebhookIds: string[], type: EventPayload["type"], data: unknown) {
  if (verifiedWebhookIds.length === 0) return [];
  const now = ctx.deps.now();
  const payload: EventPayload = { id: randomUUID(), type, createdAt: now.toISOString(), tenantId: ctx.tenantId, data };
  return exec(ctx)
    .insert(webhookDeliveries)
    .values(verifiedWebhookIds.map((webhookId) => ({ tenantId: ctx.tenantId, webhookId, eventId: payload.id, eventType: type, payload, nextAttemptAt: now, createdAt: now })))
    .returning();
}
