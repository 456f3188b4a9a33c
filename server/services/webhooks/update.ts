import { and, eq } from "drizzle-orm";
import { webhooks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getWebhookInTenant, normalEvents, urlForAudit, webhookOutOf } from "./internal";
import type { WebhookUpdate } from "./schemas";

/** Changes the URL, description, events or active switch (a disabled webhook is sent nothing). */
export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: WebhookUpdate } }) {
  const { patch } = input;
  return inTransaction(ctx, async (ctx) => {
    const existing = await getWebhookInTenant(ctx, input.id);
    const [row] = await ctx.tx
      .update(webhooks)
      .set({
        ...patch,
        ...(patch.description !== undefined ? { description: patch.description || null } : {}),
        ...(patch.events ? { events: normalEvents(patch.events) } : {}),
        updatedAt: ctx.deps.now(),
      })
      .where(and(eq(webhooks.tenantId, ctx.tenantId), eq(webhooks.id, existing.id)))
      .returning();
    if (!row) throw new Error("webhook update returned nothing");
    await recordAudit(ctx, {
      action: "webhook.update",
      entityId: row.id,
      data: { fields: Object.keys(patch), url: urlForAudit(row.url), events: row.events, active: row.active },
    });
    return webhookOutOf(ctx, row);
  });
}
