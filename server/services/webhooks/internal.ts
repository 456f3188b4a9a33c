import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { WEBHOOK_EVENTS, type WebhookEvent, webhookDeliveries, webhooks } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { seal } from "../../crypto/sealed";
import { notFound } from "../../errors";
import type { DeliveryOut, WebhookOut } from "./schemas";

export type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function getWebhookInTenant(ctx: Ctx, unverifiedId: string): Promise<WebhookRow> {
  const [row] = await exec(ctx)
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.tenantId, ctx.tenantId), eq(webhooks.id, unverifiedId)));
  if (!row) throw notFound("Webhook");
  return row;
}

/** A new signing secret, `whsec_` + 32 random bytes; the row keeps it sealed under APP_SECRET. */
export function newSecret(ctx: Ctx): { secret: string; secretSealed: string } {
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return { secret, secretSealed: seal(ctx.deps.secret, secret) };
}

/** Each event once, in the order of WEBHOOK_EVENTS. */
export const normalEvents = (events: WebhookEvent[]): WebhookEvent[] => WEBHOOK_EVENTS.filter((e) => events.includes(e));

/** Where the URL points, for the audit log (a query string may hold the receiver's token). */
export const urlForAudit = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

/** The newest delivery of each of these webhooks. */
export async function lastDeliveries(ctx: Ctx, webhookIds: string[]): Promise<Map<string, DeliveryRow>> {
  if (webhookIds.length === 0) return new Map();
  const rows = await exec(ctx)
    .selectDistinctOn([webhookDeliveries.webhookId])
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, ctx.tenantId), inArray(webhookDeliveries.webhookId, webhookIds)))
    .orderBy(webhookDeliveries.webhookId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  return new Map(rows.map((d) => [d.webhookId, d]));
}

export const toDeliveryOut = (d: DeliveryRow): DeliveryOut => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

export const toWebhookOut = (w: WebhookRow, last: DeliveryRow | undefined): WebhookOut => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: w.events,
  active: w.active,
  lastDelivery: last
    ? { id: last.id, eventType: last.eventType, status: last.status, lastStatus: last.lastStatus, attempts: last.attempts, createdAt: last.createdAt.toISOString() }
    : null,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

/** One webhook with its newest delivery. */
export async function webhookOutOf(ctx: Ctx, row: WebhookRow): Promise<WebhookOut> {
  return toWebhookOut(row, (await lastDeliveries(ctx, [row.id])).get(row.id));
}
