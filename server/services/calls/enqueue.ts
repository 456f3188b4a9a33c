import { and, eq } from "drizzle-orm";
import { contacts, queues, users } from "@/db/schema";
import { type Ctx, afterCommit, inTransaction } from "../../context";
import { notFound } from "../../errors";
import { changeCall, getCallInTenant } from "./internal";

/** VIP contacts jump ahead of standard callers of the same queue. */
export const VIP_PRIORITY = 10;

export type EnqueueTarget = { queueId: string } | { userId: string };

/** The call waits in a queue, or for one person, until an agent takes it; routing is kicked at once. */
export async function enqueue({ ctx, input }: { ctx: Ctx; input: { callId: string; contactId?: string | null } & EnqueueTarget }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    const target = "queueId" in input ? { table: queues, id: input.queueId, what: "Queue" } : { table: users, id: input.userId, what: "User" };
    const [found] = await ctx.tx
      .select({ id: target.table.id, name: target.table.name })
      .from(target.table)
      .where(and(eq(target.table.tenantId, ctx.tenantId), eq(target.table.id, target.id)));
    if (!found) throw notFound(target.what);
    const queue = "queueId" in input ? found : null;
    let priority = call.priority;
    if (input.contactId) {
      const [contact] = await ctx.tx
        .select({ tier: contacts.tier })
        .from(contacts)
        .where(and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.id, input.contactId)));
      if (contact?.tier === "vip") priority = Math.max(priority, VIP_PRIORITY);
    }
    const row = await changeCall(
      ctx,
      call.id,
      {
        state: "queued",
        queueId: queue ? queue.id : call.queueId,
        targetUserId: queue ? null : found.id,
        queuedAt: call.queuedAt ?? ctx.deps.now(),
        priority,
        contactId: input.contactId ?? call.contactId,
      },
      { type: "queued", data: queue ? { queueId: queue.id, queue: queue.name, priority } : { userId: found.id, user: found.name, priority } },
    );
    afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
    return row;
  });
}
