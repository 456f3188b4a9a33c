"use client";
import { useId } from "react";
import { Badge } from "./badge";

export type AgentStatus = "available" | "break" | "offline";
/** States the system sets (an offer rings, a call, after-call work); the agent cannot choose them. */
export type SystemStatus = "ringing" | "in_call" | "after_call_work";

const OPTIONS: { value: AgentStatus; label: string; dot: string }[] = [
  { value: "available", label: "Available", dot: "bg-emerald-500" },
  { value: "break", label: "Break", dot: "bg-amber-500" },
  { value: "offline", label: "Offline", dot: "bg-slate-400" },
];
const SYSTEM: Record<SystemStatus, { label: string; tone: "green" | "blue" | "amber" }> = {
  ringing: { label: "Ringing", tone: "blue" },
  in_call: { label: "In a call", tone: "green" },
  after_call_work: { label: "After-call work", tone: "amber" },
};
export const BREAK_REASONS = ["Break", "Lunch", "Meeting", "Training", "Coaching"] as const;
/** A reason the agent can pick; others come from the system (a short break after a missed call). */
const isChoice = (r: string) => (BREAK_REASONS as readonly string[]).includes(r);

interface Props {
  value: AgentStatus | SystemStatus;
  reason?: string | null;
  onChange: (v: AgentStatus, reason?: string) => void;
  busy?: boolean;
  /** The state is not known yet: nothing to change from. */
  loading?: boolean;
}

const selectClass =
  "h-10 rounded-md border border-slate-300 bg-white pr-8 text-sm font-medium text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500";

/**
 * The agent's routing state: a native select labelled "Status" (Available, Break with a reason,
 * Offline). While the system holds the agent (ringing, in a call, after-call work) the state is a
 * badge and the select is disabled: the server refuses changes then.
 */
export function StatusControl({ value, reason, onChange, busy = false, loading = false }: Props) {
  const id = useId();
  const reasonId = useId();
  const system = value in SYSTEM ? SYSTEM[value as SystemStatus] : null;
  const chosen: AgentStatus = system ? "available" : (value as AgentStatus);
  const dot = system ? "bg-slate-300" : (OPTIONS.find((o) => o.value === chosen)?.dot ?? "bg-slate-400");
  return (
    <div className="flex flex-wrap items-center gap-3">
      {system && (
        <span role="status">
          <Badge tone={system.tone}>{system.label}</Badge>
        </span>
      )}
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Status
      </label>
      <div className="relative">
        <span aria-hidden className={`pointer-events-none absolute left-3 top-1/2 size-2.5 -translate-y-1/2 rounded-full ${dot}`} />
        <select
          id={id}
          value={chosen}
          disabled={system !== null || loading}
          aria-busy={busy || undefined}
          onChange={(e) => onChange(e.target.value as AgentStatus, e.target.value === "break" ? (reason ?? BREAK_REASONS[0]) : undefined)}
          className={`${selectClass} pl-8`}
        >
          {OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {chosen === "break" && !system && reason && !isChoice(reason) && <Badge tone="amber">{reason}</Badge>}
      {chosen === "break" && !system && (!reason || isChoice(reason)) && (
        <>
          <label htmlFor={reasonId} className="sr-only">
            Break reason
          </label>
          <select id={reasonId} value={reason ?? BREAK_REASONS[0]} disabled={busy} onChange={(e) => onChange("break", e.target.value)} className={`${selectClass} pl-3`}>
            {BREAK_REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
