import { isEligible, skillScore } from "./eligibility";
import type { AgentSnapshot, Assignment, QueueSnapshot, WaitingCall } from "./types";

const longestIdleFirst = (a: AgentSnapshot, b: AgentSnapshot) => a.idleSince - b.idleSince || a.userId.localeCompare(b.userId);

/** The agent to offer `call` to, or null when nobody eligible is free. */
export function pickAgent(
  call: WaitingCall,
  queue: QueueSnapshot,
  agents: readonly AgentSnapshot[],
): Omit<Assignment, "callId"> | null {
  const eligible = agents.filter((a) => isEligible(a, queue, call));
  if (eligible.length === 0) return null;

  const preferred = call.preferredAgentId && eligible.find((a) => a.userId === call.preferredAgentId);
  if (preferred) return { userId: preferred.userId, reason: "sticky" };

  let chosen: AgentSnapshot;
  switch (queue.strategy) {
    case "round-robin": {
      const ordered = [...eligible].sort((a, b) => a.userId.localeCompare(b.userId));
      const after = queue.roundRobinAfter;
      chosen = (after && ordered.find((a) => a.userId.localeCompare(after) > 0)) || (ordered[0] as AgentSnapshot);
      break;
    }
    case "skills-weighted":
      chosen = [...eligible].sort((a, b) => skillScore(b, queue) - skillScore(a, queue) || longestIdleFirst(a, b))[0] as AgentSnapshot;
      break;
    default:
      chosen = [...eligible].sort(longestIdleFirst)[0] as AgentSnapshot;
  }
  return { userId: chosen.userId, reason: queue.strategy };
}
