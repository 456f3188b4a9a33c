/**
 * What a waiting caller is told over the music: their place in line (the order the ACD offers
 * calls in) and an estimated wait from the queue's recent handle time and its logged-in agents.
 * Pure functions; the persistence edge (wait-edge.ts) loads their inputs.
 */
import { hasRequiredSkills } from "./eligibility";
import { callOrder } from "./plan-offers";
import type { AgentSnapshot, AgentState, QueueSnapshot, WaitingCall } from "./types";

/** Assumed handle time when the queue answered no call in the last hour. */
export const DEFAULT_HANDLE_SEC = 180;

/** Agents who count for the estimate: signed in and working, not on a break or offline. */
const LOGGED_IN: ReadonlySet<AgentState> = new Set(["available", "ringing", "in_call", "after_call_work"]);

export type QueuedCall = Pick<WaitingCall, "callId" | "queueId" | "enqueuedAt" | "priority">;

/** 1-based position of each call within its own queue, in the ACD's offer order. */
export function queuePositions(calls: readonly QueuedCall[]): Map<string, number> {
  const order = callOrder(new Map()); // one queue's priority is the same for all its calls
  const asWaiting = (c: QueuedCall): WaitingCall => ({ ...c, preferredAgentId: null, excludedAgentIds: new Set() });
  const seen = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const c of calls.map(asWaiting).sort(order)) {
    const n = (seen.get(c.queueId) ?? 0) + 1;
    seen.set(c.queueId, n);
    positions.set(c.callId, n);
  }
  return positions;
}

/** Mean of the handle times (talk + hold + wrap-up) in seconds; DEFAULT_HANDLE_SEC when there are none. */
export function averageHandleSec(handleSecs: readonly number[]): number {
  if (handleSecs.length === 0) return DEFAULT_HANDLE_SEC;
  return handleSecs.reduce((a, b) => a + b, 0) / handleSecs.length;
}

/** The queue's agents (members, or the skilled when it has none; as routing sees them) who are logged in. */
export function loggedInAgents(queue: QueueSnapshot, agents: readonly AgentSnapshot[]): number {
  const ofQueue = (a: AgentSnapshot) =>
    (queue.members.size > 0 ? queue.members.has(a.userId) : queue.requiredSkills.length > 0) && hasRequiredSkills(a, queue);
  return agents.filter((a) => LOGGED_IN.has(a.state) && ofQueue(a)).length;
}

/** position x average handle time / max(1, logged-in agents), in whole seconds (rounded up). */
export function estimatedWaitSec(o: { position: number; averageHandleSec: number; agents: number }): number {
  return Math.ceil((o.position * o.averageHandleSec) / Math.max(1, o.agents));
}

/** The sentence to speak, with only the parts the queue has switched on; "" when none is. */
export function announcementText(
  o: { position: number; estimatedWaitSec: number },
  parts: { position: boolean; waitTime: boolean },
): string {
  const out: string[] = [];
  if (parts.position) out.push(o.position === 1 ? "You are next in line." : `You are caller number ${o.position} in line.`);
  if (parts.waitTime) {
    const minutes = Math.ceil(o.estimatedWaitSec / 60);
    const wait = o.estimatedWaitSec < 60 ? "less than a minute" : `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
    out.push(`Your estimated wait time is ${wait}.`);
  }
  return out.join(" ");
}

/** A call is due when it waited `everySec` since it entered its queue or since its last announcement. */
export function announcementDue(o: { enteredAt: number; lastAnnouncedAt: number | null; everySec: number }, now: number): boolean {
  return now >= Math.max(o.enteredAt, o.lastAnnouncedAt ?? 0) + o.everySec * 1000;
}
