import { and, eq } from "drizzle-orm";
import { queues } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getQueueInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getQueueInTenant(ctx, input.id);
    // Queues that overflowed here stop overflowing (the foreign key would only null the id).
    await ctx.tx
      .update(queues)
      .set({ overflowQueueId: null, overflowAfterSec: null, updatedAt: ctx.deps.now() })
      .where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.overflowQueueId, existing.id)));
    await ctx.tx.delete(queues).where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.id, existing.id)));
    await recordAudit(ctx, { action: "queue.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
