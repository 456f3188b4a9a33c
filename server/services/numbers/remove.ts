import { and, eq } from "drizzle-orm";
import { numbers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getNumberInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getNumberInTenant(ctx, input.id);
    await ctx.tx.delete(numbers).where(and(eq(numbers.tenantId, ctx.tenantId), eq(numbers.id, existing.id)));
    await recordAudit(ctx, { action: "number.delete", entityId: existing.id, data: { number: existing.number } });
  });
}
