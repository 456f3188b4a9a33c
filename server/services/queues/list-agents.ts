import { and, asc, eq } from "drizzle-orm";
import { queueMembers, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { getQueueInTenant } from "./internal";

export async function listAgents({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const queue = await getQueueInTenant(ctx, input.id);
  return exec(ctx)
    .select({ userId: users.id, name: users.name, email: users.email, role: users.role })
    .from(queueMembers)
    .innerJoin(users, and(eq(users.id, queueMembers.userId), eq(users.tenantId, queueMembers.tenantId)))
    .where(and(eq(queueMembers.tenantId, ctx.tenantId), eq(queueMembers.queueId, queue.id)))
    .orderBy(asc(users.name));
}
