import type { AgentSnapshot, QueueSnapshot, WaitingCall } from "./types";

/** Whether the agent has every skill the queue requires at its minimum level. */
export function hasRequiredSkills(agent: AgentSnapshot, queue: QueueSnapshot): boolean {
  return queue.requiredSkills.every((r) => (agent.skills.get(r.skillId) ?? 0) >= r.minLevel);
}

/** An agent may be offered a call of this queue: available, a member (or skilled when the queue
 * has no members), skilled enough, and not one who already declined or missed this call. */
export function isEligible(agent: AgentSnapshot, queue: QueueSnapshot, call: WaitingCall): boolean {
  if (agent.state !== "available") return false;
  // A call for one person waits for that person (after a miss, once their short break ends).
  if (call.targetAgentId) return agent.userId === call.targetAgentId;
  if (call.excludedAgentIds.has(agent.userId)) return false;
  if (queue.members.size > 0 && !queue.members.has(agent.userId)) return false;
  if (queue.members.size === 0 && queue.requiredSkills.length === 0) return false; // nobody is routed to an empty queue
  return hasRequiredSkills(agent, queue);
}

/** Sum of the agent's levels in the queue's required skills (0 when the queue requires none). */
export const skillScore = (agent: AgentSnapshot, queue: QueueSnapshot) =>
  queue.requiredSkills.reduce((sum, r) => sum + (agent.skills.get(r.skillId) ?? 0), 0);
