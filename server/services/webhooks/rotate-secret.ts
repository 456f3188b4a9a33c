import { and, eq } from "drizzle-orm";
import { webhooks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getWebhookInTenant, newSecret, webhookOutOf } from "./internal";
import type { WebhookWithSecretOut } from "./schemas";

/** Replaces the signing secret; deliveries from now on (retries too) are signed with the new one. */
export async function rotateSecret({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<WebhookWithSecretOut> {
  const { secret, secretSealed } = newSecret(ctx);
  return inTransaction(ctx, async (ctx) => {
    const existing = await getWebhookInTenant(ctx, input.id);
    const [row] = await ctx.tx
      .update(webhooks)
      .set({ secretSealed, updatedAt: ctx.deps.now() })
      .where(and(eq(webhooks.tenantId, ctx.tenantId), eq(webhooks.id, existing.id)))
      .returning();
    if (!row) throw new Error("webhook update returned nothing");
    await recordAudit(ctx, { action: "webhook.rotate-secret", entityId: row.id });
    return { ...(await webhookOutOf(ctx, row)), secret };
  });
}
