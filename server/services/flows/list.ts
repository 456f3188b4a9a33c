import { asc, eq } from "drizzle-orm";
import { flows } from "@/db/schema";
import { type Ctx, exec } from "../../context";

/** Flows without their definitions (the editor loads one at a time). */
export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(flows).where(eq(flows.tenantId, ctx.tenantId)).orderBy(asc(flows.name));
  return rows.map((r) => ({ id: r.id, name: r.name, publishedVersion: r.publishedVersion, updatedAt: r.updatedAt.toISOString() }));
}
