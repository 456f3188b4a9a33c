import { and, eq } from "drizzle-orm";
import { contacts, queues } from "@/db/schema";
import { type Ctx, afterCommit, inTransaction } from "../../context";
import { notFound } from "../../errors";
import { changeCall, getCallInTenant } from "./internal";

/** VIP contacts jump ahead of standard callers of the same queue. */
export const VIP_PRIORITY = 10;

/** The call waits in a queue for an agent; routing is kicked at once. */
export async function enqueue({ ctx, input }: { ctx: Ctx; input: { callId: string; queueId: string; contactId?: string | null } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    const [queue] = await ctx.tx
      .select({ id: queues.id, name: queues.name })
      .from(queues)
      .where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.id, input.queueId)));
    if (!queue) throw notFound("Queue");
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
      { state: "queued", queueId: queue.id, queuedAt: call.queuedAt ?? ctx.deps.now(), priority, contactId: input.contactId ?? call.contactId },
      { type: "queued", data: { queueId: queue.id, queue: queue.name, priority } },
    );
    afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
    return row;
  });
}
