import { pickAgent } from "./pick-agent";
import type { AgentSnapshot, Assignment, QueueSnapshot, WaitingCall } from "./types";

/** Highest priority first (queue + call), then the longest waiting. */
export function callOrder(queues: ReadonlyMap<string, QueueSnapshot>) {
  const prio = (c: WaitingCall) => (queues.get(c.queueId)?.priority ?? 0) + c.priority;
  return (a: WaitingCall, b: WaitingCall) => prio(b) - prio(a) || a.enqueuedAt - b.enqueuedAt || a.callId.localeCompare(b.callId);
}

/**
 * Matches waiting calls to free agents: one offer per call and one per agent. The caller (the
 * persistence edge) claims each pair atomically in the database, so several server processes
 * running this at once can never offer one call twice or one agent two calls.
 */
export function planOffers(
  calls: readonly WaitingCall[],
  queues: ReadonlyMap<string, QueueSnapshot>,
  agents: readonly AgentSnapshot[],
): Assignment[] {
  const free = new Map(agents.map((a) => [a.userId, a]));
  const plan: Assignment[] = [];
  for (const call of [...calls].sort(callOrder(queues))) {
    const queue = queues.get(call.queueId);
    if (!queue) continue;
    const pick = pickAgent(call, queue, [...free.values()]);
    if (!pick) continue;
    plan.push({ callId: call.callId, ...pick });
    free.delete(pick.userId);
  }
  return plan;
}
