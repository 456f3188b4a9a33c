import { and, eq, sql } from "drizzle-orm";
import { calls, queues } from "@/db/schema";
import type { Deps } from "../../context";

/**
 * Calls on this node that waited longer than their queue allows, with what the queue wants then.
 * The wait counts from when the call last entered a queue (its last "queued" event): an overflow
 * or a declined offer does not restart it, but a blind transfer does, so the minutes a caller
 * spent talking to an agent before being transferred are not counted as waiting.
 */
export async function maxWaitDue(deps: Deps) {
  return deps.db
    .select({
      id: calls.id,
      tenantId: calls.tenantId,
      action: queues.maxWaitAction,
      maxWaitSec: queues.maxWaitSec,
      fromNumber: calls.fromNumber,
      contactId: calls.contactId,
      queueName: queues.name,
    })
    .from(calls)
    .innerJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
    .where(
      and(
        eq(calls.state, "queued"),
        eq(calls.nodeId, deps.nodeId),
        sql`coalesce((select max(e.at) from call_events e where e.call_id = ${calls.id} and e.tenant_id = ${calls.tenantId} and e.type = 'queued'), ${calls.queuedAt}) + make_interval(secs => ${queues.maxWaitSec}) <= ${deps.now().toISOString()}::timestamptz`,
      ),
    );
}
