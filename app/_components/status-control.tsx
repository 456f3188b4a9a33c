"use client";
import { useId } from "react";

export type AgentStatus = "available" | "break" | "offline";

const OPTIONS: { value: AgentStatus; label: string; dot: string }[] = [
  { value: "available", label: "Available", dot: "bg-emerald-500" },
  { value: "break", label: "Break", dot: "bg-amber-500" },
  { value: "offline", label: "Offline", dot: "bg-slate-400" },
];

/** The agent's routing state: a native select labelled "Status". */
export function StatusControl({ value, onChange }: { value: AgentStatus; onChange: (v: AgentStatus) => void }) {
  const id = useId();
  const dot = OPTIONS.find((o) => o.value === value)?.dot ?? "bg-slate-400";
  return (
    <div className="flex items-center gap-3">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Status
      </label>
      <div className="relative">
        <span aria-hidden className={`pointer-events-none absolute left-3 top-1/2 size-2.5 -translate-y-1/2 rounded-full ${dot}`} />
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value as AgentStatus)}
          className="h-10 rounded-md border border-slate-300 bg-white pl-8 pr-8 text-sm font-medium text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        >
          {OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
