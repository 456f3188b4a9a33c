import { queues } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation, isForeignKeyViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { checkAnnouncements, checkQueueRefs, queueNameTaken, referenceGone, replaceQueueSkills, toQueueOut } from "./internal";
import type { QueueCreate } from "./schemas";

export async function create({ ctx, input: given }: { ctx: Ctx; input: QueueCreate }) {
  // Without a longest-wait alert of its own, a queue alerts past its service level threshold.
  const input = { ...given, alertLongestWaitSec: given.alertLongestWaitSec === undefined ? given.serviceLevelSec : given.alertLongestWaitSec };
  try {
    return await inTransaction(ctx, async (ctx) => {
      checkAnnouncements(input);
      await checkQueueRefs(ctx, null, input);
      const { overflow, skills, ...fields } = input;
      const [row] = await ctx.tx
        .insert(queues)
        .values({ ...fields, tenantId: ctx.tenantId, overflowQueueId: overflow?.queueId ?? null, overflowAfterSec: overflow?.afterSec ?? null })
        .returning();
      if (!row) throw new Error("queue insert returned nothing");
      await replaceQueueSkills(ctx, row.id, skills);
      await recordAudit(ctx, { action: "queue.create", entityId: row.id, data: { ...input } });
      return toQueueOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw queueNameTaken(input.name);
    if (isForeignKeyViolation(e)) throw referenceGone();
    throw e;
  }
}
