import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, queues } from "@/db/schema";
import { type Deps, inTransaction, systemCtx } from "../../context";
import { addCallEvent } from "./internal";

/**
 * Calls that waited longer than their queue's overflow delay move to the overflow queue (their
 * wait keeps counting from the first queue). Returns the tenants whose routing should run.
 */
export async function overflowDue(deps: Deps): Promise<string[]> {
  const db: Db = deps.db;
  const now = deps.now();
  const due = await db
    .select({ id: calls.id, tenantId: calls.tenantId, from: calls.queueId, to: queues.overflowQueueId })
    .from(calls)
    .innerJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
    .where(
      and(
        eq(calls.state, "queued"),
        isNotNull(queues.overflowQueueId),
        isNotNull(queues.overflowAfterSec),
        // Time in this queue: since the last time the call entered it.
        sql`coalesce((select max(e.at) from call_events e where e.call_id = ${calls.id} and e.type in ('queued', 'overflow')), ${calls.queuedAt}) + make_interval(secs => ${queues.overflowAfterSec}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  const tenants = new Set<string>();
  for (const c of due) {
    if (!c.to) continue;
    await inTransaction(systemCtx(deps, c.tenantId), async (ctx) => {
      const [moved] = await ctx.tx
        .update(calls)
        .set({ queueId: c.to })
        .where(and(eq(calls.tenantId, c.tenantId), eq(calls.id, c.id), eq(calls.state, "queued"), eq(calls.queueId, c.from ?? "")))
        .returning({ id: calls.id });
      if (moved) await addCallEvent(ctx, c.id, { type: "overflow", data: { fromQueueId: c.from, toQueueId: c.to } });
    });
    tenants.add(c.tenantId);
  }
  return [...tenants];
}
