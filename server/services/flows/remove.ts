import { and, eq } from "drizzle-orm";
import { flows, numbers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record";
import { getFlowInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getFlowInTenant(ctx, input.id);
    const [used] = await ctx.tx
      .select({ number: numbers.number })
      .from(numbers)
      .where(and(eq(numbers.tenantId, ctx.tenantId), eq(numbers.destinationType, "flow"), eq(numbers.destinationId, existing.id)))
      .limit(1);
    if (used) throw new AppError("conflict", `${used.number} routes to this flow: route it elsewhere first`);
    await ctx.tx.delete(flows).where(and(eq(flows.tenantId, ctx.tenantId), eq(flows.id, existing.id)));
    await recordAudit(ctx, { action: "flow.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
