import { and, eq } from "drizzle-orm";
import { businessHours } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { getHoursInTenant, hoursNameTaken, toHoursOut } from "./internal";
import type { HoursUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: HoursUpdate } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getHoursInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(businessHours)
        .set({ ...input.patch, updatedAt: ctx.deps.now() })
        .where(and(eq(businessHours.tenantId, ctx.tenantId), eq(businessHours.id, existing.id)))
        .returning();
      if (!row) throw new Error("business hours update returned nothing");
      await recordAudit(ctx, { action: "hours.update", entityId: row.id, data: { fields: Object.keys(input.patch) } });
      return toHoursOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw hoursNameTaken(input.patch.name ?? "");
    throw e;
  }
}
