import { and, desc, eq } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { getWebhookInTenant, toDeliveryOut } from "./internal";

export const RECENT_DELIVERIES = 50;

/** A webhook's latest deliveries, newest first. */
export async function listDeliveries({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const webhook = await getWebhookInTenant(ctx, input.id);
  const rows = await exec(ctx)
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, ctx.tenantId), eq(webhookDeliveries.webhookId, webhook.id)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(RECENT_DELIVERIES);
  return rows.map(toDeliveryOut);
}
