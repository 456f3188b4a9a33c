import { and, eq } from "drizzle-orm";
import { queueMembers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { notFound } from "../../errors";
import { recordAudit } from "../audit/record";
import { getUserInTenant } from "../users/internal";
import { getQueueInTenant } from "./internal";

export async function removeAgent({ ctx, input }: { ctx: Ctx; input: { id: string; userId: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const queue = await getQueueInTenant(ctx, input.id);
    const user = await getUserInTenant(ctx, input.userId);
    const removed = await ctx.tx
      .delete(queueMembers)
      .where(and(eq(queueMembers.tenantId, ctx.tenantId), eq(queueMembers.queueId, queue.id), eq(queueMembers.userId, user.id)))
      .returning({ userId: queueMembers.userId });
    if (removed.length === 0) throw notFound("Queue member");
    await recordAudit(ctx, { action: "queue.agent.remove", entityId: queue.id, data: { userId: user.id } });
  });
}
