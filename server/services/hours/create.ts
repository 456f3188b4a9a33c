import { businessHours } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { hoursNameTaken, toHoursOut } from "./internal";
import type { HoursCreate } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: HoursCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx.insert(businessHours).values({ tenantId: ctx.tenantId, ...input }).returning();
      if (!row) throw new Error("business hours insert returned nothing");
      await recordAudit(ctx, { action: "hours.create", entityId: row.id, data: { name: row.name, timeZone: row.timeZone } });
      return toHoursOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw hoursNameTaken(input.name);
    throw e;
  }
}
