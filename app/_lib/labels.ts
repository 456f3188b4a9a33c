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

export function formatSeconds(sec: number): string {
  if (sec < 60) return `${sec}s`;
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  if (m < 60) return s ? `${m}m ${s}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
}
