import { and, eq } from "drizzle-orm";
import { trunks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getTrunkInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getTrunkInTenant(ctx, input.id);
    await ctx.tx.delete(trunks).where(and(eq(trunks.tenantId, ctx.tenantId), eq(trunks.id, existing.id)));
    await recordAudit(ctx, { action: "trunk.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
