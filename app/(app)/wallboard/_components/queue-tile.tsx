"use client";
import { Badge } from "../../../_components/badge";
import { AGENT_STATE, type AgentStateKey } from "../../../_lib/agent-labels";
import { formatSeconds } from "../../../_lib/labels";
import { AlertIcon } from "./alert-icon";
import type { QueueFigures } from "./use-wallboard";

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);
const secs = (s: number | null) => (s === null ? "—" : formatSeconds(Math.round(s)));

const STATES = Object.entries(AGENT_STATE).map(([key, v]) => ({ key: key as AgentStateKey, ...v }));

/**
 * One queue's live figures; the longest wait counts up every second from the server's timestamp.
 * The alerts are the server's: a tile in alert gets a red frame, an icon, a badge and each alert's
 * sentence, and the figures concerned turn red.
 */
export function QueueTile({ q, now }: { q: QueueFigures; now: number }) {
  const longest = q.oldestWaitingSince ? Math.max(0, Math.floor((now - Date.parse(q.oldestWaitingSince)) / 1000)) : null;
  const breached = new Set(q.alerts.map((a) => a.kind));
  const inAlert = q.alerts.length > 0;
  const members = STATES.reduce((n, s) => n + q.agents[s.key], 0);
  return (
    <li id={`queue-${q.id}`} aria-label={q.name} className={`scroll-mt-24 rounded-lg border bg-white p-5 shadow-sm ${inAlert ? "border-red-400 ring-2 ring-red-200" : "border-slate-200"}`}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="flex min-w-0 items-center gap-2 font-semibold text-slate-900">
          {inAlert && <AlertIcon className="size-5 shrink-0 text-red-600" />}
          <span className="truncate">{q.name}</span>
          {inAlert && <Badge tone="red">In alert</Badge>}
        </h2>
        <span className="shrink-0 text-xs text-slate-500">{members === 1 ? "1 agent" : `${members} agents`}</span>
      </div>
      {inAlert && (
        <ul aria-label={`${q.name} alerts`} className="mt-3 space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {q.alerts.map((a) => (
            <li key={a.kind} className="flex items-start gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {a.message}
            </li>
          ))}
        </ul>
      )}
      <dl className="mt-4 grid grid-cols-3 gap-3">
        <Stat label="Waiting" value={String(q.waiting)} alert={breached.has("waiting")} />
        <Stat label="Longest wait" value={longest === null ? "—" : formatSeconds(longest)} alert={breached.has("longestWait")} />
        <Stat label="Service level" value={pct(q.serviceLevel)} alert={breached.has("serviceLevel")} />
      </dl>
      <dl className="mt-3 grid grid-cols-4 gap-2">
        <Small label="ASA" value={secs(q.asaSec)} title="Average speed of answer" />
        <Small label="AHT" value={secs(q.ahtSec)} title="Average handle time: talk, hold and wrap-up" />
        <Small
          label="Abandoned"
          value={q.abandonRate === null ? "—" : `${pct(q.abandonRate)} (${q.abandoned})`}
          title="Callers who hung up while waiting ÷ answered and abandoned"
          alert={breached.has("abandonRate")}
        />
        <Small label="Occupancy" value={pct(q.occupancy)} title="Agents ringing, in a call or wrapping up ÷ those and the available ones" />
      </dl>
      <ul aria-label={`${q.name} agents by state`} className="mt-4 flex flex-wrap gap-1.5">
        {STATES.map((s) => (
          <li key={s.key}>
            <Badge tone={q.agents[s.key] > 0 ? s.tone : "gray"}>
              {s.label} {q.agents[s.key]}
            </Badge>
          </li>
        ))}
      </ul>
      <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
        Service level: calls answered within {formatSeconds(q.serviceLevelSec)} ÷ calls answered ({q.answeredWithinThreshold} of {q.answered}).
      </p>
    </li>
  );
}

function Stat({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <div role="group" aria-label={label} className={`rounded-md px-3 py-2 ${alert ? "bg-red-50" : "bg-slate-50"}`}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-900"}`}>{value}</dd>
    </div>
  );
}

function Small({ label, value, title, alert = false }: { label: string; value: string; title: string; alert?: boolean }) {
  return (
    <div role="group" aria-label={label} title={title}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-sm font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-800"}`}>{value}</dd>
    </div>
  );
}
