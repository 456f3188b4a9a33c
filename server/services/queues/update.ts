import { and, eq } from "drizzle-orm";
import { queues } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation, isForeignKeyViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { checkAnnouncements, checkQueueRefs, getQueueInTenant, queueNameTaken, referenceGone, replaceQueueSkills, toQueueOut } from "./internal";
import type { QueueUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: QueueUpdate } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getQueueInTenant(ctx, input.id);
      checkAnnouncements({ ...existing, ...input.patch });
      await checkQueueRefs(ctx, existing.id, input.patch);
      const { overflow, skills, ...fields } = input.patch;
      const overflowCols =
        overflow === undefined ? {} : { overflowQueueId: overflow?.queueId ?? null, overflowAfterSec: overflow?.afterSec ?? null };
      const [row] = await ctx.tx
        .update(queues)
        .set({ ...fields, ...overflowCols, updatedAt: ctx.deps.now() })
        .where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.id, existing.id)))
        .returning();
      if (!row) throw new Error("queue update returned nothing");
      if (skills) await replaceQueueSkills(ctx, row.id, skills);
      await recordAudit(ctx, { action: "queue.update", entityId: row.id, data: { ...input.patch } });
      return toQueueOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw queueNameTaken(input.patch.name ?? "");
    if (isForeignKeyViolation(e)) throw referenceGone();
    throw e;
  }
}
