"use client";
import { useId } from "react";
import { TextField } from "../../../_components/field";
import type { Queue } from "../../../_lib/types";

export interface AlertSettings {
  alertMaxWaiting: number | null;
  alertLongestWaitSec: number | null;
  alertServiceLevelPct: number | null;
  alertAbandonRatePct: number | null;
}

/** The fields, their labels and the API's limits (server/services/queues/schemas.ts). */
const FIELDS = [
  { name: "alertMaxWaiting", label: "Alert at calls waiting", unit: "calls", min: 1, max: 10_000, hint: "E.g. 5: five or more callers in the queue." },
  { name: "alertLongestWaitSec", label: "Alert at a wait of (seconds)", unit: "seconds", min: 1, max: 86_400, hint: "E.g. 60: a caller has waited a minute or more." },
  { name: "alertServiceLevelPct", label: "Alert below service level (%)", unit: "percent", min: 1, max: 100, hint: "E.g. 80: under 80% of calls answered within the service level." },
  { name: "alertAbandonRatePct", label: "Alert above abandon rate (%)", unit: "percent", min: 0, max: 99, hint: "E.g. 10: over 10% of callers hung up while waiting." },
] as const satisfies ReadonlyArray<{ name: keyof AlertSettings; label: string; unit: string; min: number; max: number; hint: string }>;

/** The new queue's default longest-wait alert: the default service level, as before thresholds were set per queue. */
const NEW_QUEUE_LONGEST_WAIT = 20;

/** The alert settings of the queue form, checked as the API checks them; an empty field is an alert turned off. */
export function readAlerts(form: FormData): { value: AlertSettings } | { error: string } {
  const value: AlertSettings = { alertMaxWaiting: null, alertLongestWaitSec: null, alertServiceLevelPct: null, alertAbandonRatePct: null };
  for (const f of FIELDS) {
    const raw = String(form.get(f.name) ?? "").trim();
    if (raw === "") continue;
    const n = Number(raw);
    if (!(Number.isInteger(n) && n >= f.min && n <= f.max)) {
      const amount = f.unit === "percent" ? `a whole percentage from ${f.min} to ${f.max}` : `a whole number of ${f.unit} from ${f.min} to ${f.max}`;
      return { error: `${f.label.replace(/ \(.*\)$/, "")}: enter ${amount}, or leave it empty to turn this alert off.` };
    }
    value[f.name] = n;
  }
  return { value };
}

/** When the wallboard shows the queue in alert. */
export function AlertFields({ queue }: { queue?: Queue }) {
  const helpId = useId();
  const initial = (name: keyof AlertSettings) => {
    if (queue) return queue[name] ?? "";
    return name === "alertLongestWaitSec" ? NEW_QUEUE_LONGEST_WAIT : "";
  };
  return (
    <fieldset aria-describedby={helpId}>
      <legend className="text-sm font-semibold text-slate-900">Wallboard alerts</legend>
      <p id={helpId} className="mt-1 mb-3 text-xs text-slate-500">
        The queue&apos;s tile on the wallboard turns red and names the limit crossed. Figures cover the last 24 hours. Leave a field empty to turn that alert off.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            type="number"
            min={f.min}
            max={f.max}
            step={1}
            placeholder="Off"
            defaultValue={initial(f.name)}
            hint={f.hint}
          />
        ))}
      </div>
    </fieldset>
  );
}
