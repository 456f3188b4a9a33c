import type { Role } from "./types";

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "agent", label: "Agent" },
  { value: "supervisor", label: "Supervisor" },
  { value: "admin", label: "Admin" },
];
export const roleLabel = (r: string) => ROLE_OPTIONS.find((o) => o.value === r)?.label ?? r;

export const STRATEGIES = [
  { value: "longest-idle", label: "Longest idle agent" },
  { value: "round-robin", label: "Round robin" },
  { value: "skills-weighted", label: "Skills-weighted" },
] as const;
export type Strategy = (typeof STRATEGIES)[number]["value"];
export const strategyLabel = (s: string) => STRATEGIES.find((o) => o.value === s)?.label ?? s;

export const MAX_WAIT_ACTIONS = [
  { value: "voicemail", label: "Send to voicemail" },
  { value: "callback", label: "Offer a callback" },
  { value: "hangup", label: "Hang up" },
] as const;
export type MaxWaitAction = (typeof MAX_WAIT_ACTIONS)[number]["value"];

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "45s", "1m 5s", "2h 10m": the server's wallboard alerts write durations the same way. */
export { formatDuration as formatSeconds } from "@/server/services/wallboard/alerts";
