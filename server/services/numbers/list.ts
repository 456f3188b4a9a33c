import { asc, eq } from "drizzle-orm";
import { numbers } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toNumbersOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(numbers).where(eq(numbers.tenantId, ctx.tenantId)).orderBy(asc(numbers.number));
  return toNumbersOut(ctx, rows);
}
