"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Table, td } from "../../../_components/table";
import { api, errorMessage } from "../../../_lib/api";
import { AGENT_STATE } from "../../../_lib/agent-labels";
import { formatSeconds } from "../../../_lib/labels";
import { MONITOR_MODES, type MonitorMode } from "./use-monitor";
import type { AgentRow } from "./use-wallboard";

const CHOICES = [
  { value: "available", label: "Available" },
  { value: "break", label: "Break" },
  { value: "offline", label: "Offline" },
] as const;

/** Every agent with state and time in state; a supervisor can set one's state (not while on a call). */
export function AgentBoard({
  agents,
  now,
  onChanged,
  onMonitor,
  monitoring,
}: {
  agents: AgentRow[];
  now: number;
  onChanged: () => void;
  /** Listen, whisper or barge into the agent's live call. */
  onMonitor: (a: AgentRow, mode: MonitorMode) => void;
  monitoring: string | null;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function force(a: AgentRow, state: (typeof CHOICES)[number]["value"]) {
    setBusy(a.userId);
    setError(null);
    try {
      await api(`/agents/${a.userId}/state`, { method: "PUT", body: { state } });
      onChanged();
    } catch (e) {
      setError(`Could not change ${a.name}'s status: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      {error && (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Table label="Agents" head={["Name", "State", "Time in state", "Set state", "Live call"]}>
        {agents.map((a) => {
          const s = AGENT_STATE[a.state];
          const onCall = a.state === "ringing" || a.state === "in_call";
          const chosen = a.state === "available" || a.state === "break" || a.state === "offline" ? a.state : "";
          return (
            <tr key={a.userId}>
              <td className={`${td} font-medium text-slate-900`}>{a.name}</td>
              <td className={td}>
                <Badge tone={s.tone}>{s.label}</Badge>
                {a.state === "break" && a.reason && <span className="ml-2 text-xs text-slate-500">{a.reason}</span>}
              </td>
              <td className={`${td} tabular-nums`}>{formatSeconds(Math.max(0, Math.floor((now - Date.parse(a.since)) / 1000)))}</td>
              <td className={td}>
                <select
                  aria-label={`Set state for ${a.name}`}
                  value={chosen}
                  disabled={onCall || busy === a.userId}
                  aria-busy={busy === a.userId || undefined}
                  onChange={(e) => void force(a, e.target.value as (typeof CHOICES)[number]["value"])}
                  className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500"
                >
                  {chosen === "" && <option value="">{s.label}</option>}
                  {CHOICES.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </td>
              <td className={td}>
                {a.state === "in_call" && a.callId && a.callId !== monitoring && (
                  <span className="inline-flex gap-1">
                    {MONITOR_MODES.map((m) => (
                      <button
                        key={m.mode}
                        type="button"
                        aria-label={`${m.label} to ${a.name}'s call`}
                        title={m.hint}
                        onClick={() => onMonitor(a, m.mode)}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                      >
                        {m.label}
                      </button>
                    ))}
                  </span>
                )}
                {a.callId && a.callId === monitoring && <span className="text-xs font-medium text-brand-700">You are in this call</span>}
              </td>
            </tr>
          );
        })}
      </Table>
    </>
  );
}
