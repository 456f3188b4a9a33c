import { and, eq, sql } from "drizzle-orm";
import { calls, queues } from "@/db/schema";
import type { Deps } from "../../context";

/** Calls on this node that waited longer than their queue allows, with what the queue wants then. */
export async function maxWaitDue(deps: Deps) {
  return deps.db
    .select({ id: calls.id, tenantId: calls.tenantId, action: queues.maxWaitAction, fromNumber: calls.fromNumber, contactId: calls.contactId, queueName: queues.name })
    .from(calls)
    .innerJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
    .where(
      and(
        eq(calls.state, "queued"),
        eq(calls.nodeId, deps.nodeId),
        sql`${calls.queuedAt} + make_interval(secs => ${queues.maxWaitSec}) <= ${deps.now().toISOString()}::timestamptz`,
      ),
    );
}
