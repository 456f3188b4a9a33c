import { and, eq } from "drizzle-orm";
import { businessHours } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import { isOpen } from "../../ivr/hours";

export type HoursRow = typeof businessHours.$inferSelect;

export async function getHoursInTenant(ctx: Ctx, unverifiedId: string): Promise<HoursRow> {
  const [row] = await exec(ctx)
    .select()
    .from(businessHours)
    .where(and(eq(businessHours.tenantId, ctx.tenantId), eq(businessHours.id, unverifiedId)));
  if (!row) throw notFound("Business hours");
  return row;
}

export const hoursNameTaken = (name: string) => new AppError("conflict", `Business hours named "${name}" already exist`);

export const toHoursOut = (ctx: Ctx, r: HoursRow) => ({
  id: r.id,
  name: r.name,
  timeZone: r.timeZone,
  weekly: r.weekly,
  holidays: r.holidays,
  openNow: isOpen(r, ctx.deps.now()),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
