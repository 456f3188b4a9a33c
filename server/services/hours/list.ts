import { asc, eq } from "drizzle-orm";
import { businessHours } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toHoursOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(businessHours).where(eq(businessHours.tenantId, ctx.tenantId)).orderBy(asc(businessHours.name));
  return rows.map((r) => toHoursOut(ctx, r));
}
