import { asc, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toUsersOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx)
    .select()
    .from(users)
    .where(eq(users.tenantId, ctx.tenantId))
    .orderBy(asc(users.name), asc(users.email));
  return toUsersOut(ctx, rows);
}
