import { asc, eq } from "drizzle-orm";
import { webhooks } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { lastDeliveries, toWebhookOut } from "./internal";

/** The tenant's webhooks, oldest first, each with its newest delivery (never the secrets). */
export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(webhooks).where(eq(webhooks.tenantId, ctx.tenantId)).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
  const last = await lastDeliveries(ctx, rows.map((w) => w.id));
  return rows.map((w) => toWebhookOut(w, last.get(w.id)));
}
