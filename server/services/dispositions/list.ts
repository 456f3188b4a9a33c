import { asc, eq } from "drizzle-orm";
import { dispositions } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toDispositionOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(dispositions).where(eq(dispositions.tenantId, ctx.tenantId)).orderBy(asc(dispositions.name));
  return rows.map(toDispositionOut);
}
