import { and, eq } from "drizzle-orm";
import { dispositions } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getDispositionInTenant } from "./internal";

/** Calls keep their history: their disposition reference is cleared by the database. */
export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getDispositionInTenant(ctx, input.id);
    await ctx.tx.delete(dispositions).where(and(eq(dispositions.tenantId, ctx.tenantId), eq(dispositions.id, existing.id)));
    await recordAudit(ctx, { action: "disposition.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
