import { asc, eq } from "drizzle-orm";
import { trunks } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toTrunkOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(trunks).where(eq(trunks.tenantId, ctx.tenantId)).orderBy(asc(trunks.name));
  return rows.map(toTrunkOut);
}
