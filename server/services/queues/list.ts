import { asc, eq } from "drizzle-orm";
import { queues } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toQueuesOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(queues).where(eq(queues.tenantId, ctx.tenantId)).orderBy(asc(queues.name));
  return toQueuesOut(ctx, rows);
}
