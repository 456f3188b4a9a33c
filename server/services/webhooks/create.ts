import { webhooks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { newSecret, normalEvents, toWebhookOut, urlForAudit } from "./internal";
import type { WebhookCreate, WebhookWithSecretOut } from "./schemas";

/** Adds a webhook; the answer carries its signing secret, which is never shown again. */
export async function create({ ctx, input }: { ctx: Ctx; input: WebhookCreate }): Promise<WebhookWithSecretOut> {
  const { secret, secretSealed } = newSecret(ctx);
  return inTransaction(ctx, async (ctx) => {
    const [row] = await ctx.tx
      .insert(webhooks)
      .values({ tenantId: ctx.tenantId, url: input.url, description: input.description || null, events: normalEvents(input.events), active: input.active, secretSealed })
      .returning();
    if (!row) throw new Error("webhook insert returned nothing");
    await recordAudit(ctx, { action: "webhook.create", entityId: row.id, data: { url: urlForAudit(row.url), events: row.events, active: row.active } });
    return { ...toWebhookOut(row, undefined), secret };
  });
}
