import { queueMembers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { notFound, isForeignKeyViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { getUserInTenant } from "../users/internal";
import { getQueueInTenant } from "./internal";

/** Adds a member; `created` is false when the user already was one (nothing written). */
export async function addAgent({ ctx, input }: { ctx: Ctx; input: { id: string; userId: string } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const queue = await getQueueInTenant(ctx, input.id);
      const user = await getUserInTenant(ctx, input.userId);
      const inserted = await ctx.tx
        .insert(queueMembers)
        .values({ tenantId: ctx.tenantId, queueId: queue.id, userId: user.id })
        .onConflictDoNothing()
        .returning({ userId: queueMembers.userId });
      const created = inserted.length > 0;
      if (created) await recordAudit(ctx, { action: "queue.agent.add", entityId: queue.id, data: { userId: user.id } });
      return { member: { queueId: queue.id, userId: user.id }, created };
    });
  } catch (e) {
    // The queue or the user was deleted between the check and the insert.
    if (isForeignKeyViolation(e)) throw notFound("Queue or user");
    throw e;
  }
}
