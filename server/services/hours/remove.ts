import { and, eq } from "drizzle-orm";
import { businessHours } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getHoursInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getHoursInTenant(ctx, input.id);
    await ctx.tx.delete(businessHours).where(and(eq(businessHours.tenantId, ctx.tenantId), eq(businessHours.id, existing.id)));
    await recordAudit(ctx, { action: "hours.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
