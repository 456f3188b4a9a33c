import { and, eq } from "drizzle-orm";
import { webhooks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getWebhookInTenant, urlForAudit } from "./internal";

/** Deletes a webhook and its deliveries (pending ones are not sent). */
export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getWebhookInTenant(ctx, input.id);
    await ctx.tx.delete(webhooks).where(and(eq(webhooks.tenantId, ctx.tenantId), eq(webhooks.id, existing.id)));
    await recordAudit(ctx, { action: "webhook.delete", entityId: existing.id, data: { url: urlForAudit(existing.url) } });
  });
}
