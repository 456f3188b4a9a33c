import { and, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getApiKeyInTenant } from "./internal";

/** Revokes a key: the next request that sends it gets 401. */
export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getApiKeyInTenant(ctx, input.id);
    await ctx.tx.delete(apiKeys).where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, existing.id)));
    await recordAudit(ctx, { action: "api-key.delete", entityId: existing.id, data: { name: existing.name, prefix: existing.prefix } });
  });
}
