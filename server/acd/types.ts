/** Snapshots the routing engine decides on. Pure data: the persistence edge builds them. */
export type AgentState = "available" | "break" | "offline" | "ringing" | "in_call" | "after_call_work";
export type Strategy = "longest-idle" | "round-robin" | "skills-weighted";

export interface AgentSnapshot {
  userId: string;
  state: AgentState;
  /** When the agent became Available (or ended their last call): idle time starts here. */
  idleSince: number;
  /** skillId -> level 1..10 */
  skills: ReadonlyMap<string, number>;
}

export interface QueueSnapshot {
  id: string;
  strategy: Strategy;
  priority: number;
  /** Explicit members; empty means "anyone with the required skills". */
  members: ReadonlySet<string>;
  requiredSkills: ReadonlyArray<{ skillId: string; minLevel: number }>;
  /** The user id after which round-robin continues (the last agent offered a call). */
  roundRobinAfter: string | null;
}

export interface WaitingCall {
  callId: string;
  queueId: string;
  enqueuedAt: number;
  /** Extra priority of the call itself (VIP contacts, callbacks), added to the queue's. */
  priority: number;
  /** The caller's last agent, offered first when available (sticky routing). */
  preferredAgentId: string | null;
  /** Only this agent may take the call (direct calls and transfers to an agent). */
  targetAgentId?: string | null;
  /** Agents that declined or missed this call: not offered it again. */
  excludedAgentIds: ReadonlySet<string>;
}

export interface Assignment {
  callId: string;
  userId: string;
  reason: "sticky" | Strategy;
}
