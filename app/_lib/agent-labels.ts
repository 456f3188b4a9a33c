/** An agent's state as the supervisor's screens name and colour it. */
export const AGENT_STATE = {
  available: { label: "Available", tone: "green" },
  ringing: { label: "Ringing", tone: "blue" },
  in_call: { label: "In a call", tone: "blue" },
  after_call_work: { label: "Wrap-up", tone: "amber" },
  break: { label: "Break", tone: "amber" },
  offline: { label: "Offline", tone: "gray" },
} as const satisfies Record<string, { label: string; tone: "green" | "blue" | "amber" | "gray" }>;

export type AgentStateKey = keyof typeof AGENT_STATE;
