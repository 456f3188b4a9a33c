"use client";
import { type FormEvent, useId, useMemo, useState } from "react";
import { Button } from "../../../_components/button";
import { inputClass } from "../../../_components/field";
import type { Queue } from "../../../_lib/types";
import { INTERVALS, type Interval, type ReportParams } from "./report-params";

const labelClass = "block text-sm font-medium text-slate-700";
const control = `${inputClass} aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-500/20`;

/**
 * The period, interval, time zone and queue of the report. Edits stay here until "Show report";
 * when the shown report changes (a submit, the browser's back button) the fields follow it.
 * `invalid`: the fields the API's last answer named, `errorId` that answer's element.
 */
export function FilterForm({
  applied,
  queues,
  busy,
  invalid,
  errorId,
  onSubmit,
}: {
  applied: ReportParams;
  queues: Queue[] | undefined;
  busy: boolean;
  invalid: string[];
  errorId: string | undefined;
  onSubmit: (p: ReportParams) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(applied);
  const appliedKey = JSON.stringify(applied);
  const [shown, setShown] = useState(appliedKey);
  if (shown !== appliedKey) {
    setShown(appliedKey);
    setDraft(applied);
  }
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const set = <K extends keyof ReportParams>(k: K, v: ReportParams[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const field = (name: keyof ReportParams) => ({
    id: `${id}-${name}`,
    "aria-invalid": invalid.includes(name) || undefined,
    "aria-describedby": invalid.includes(name) ? errorId : undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ ...draft, timeZone: draft.timeZone.trim() });
  };

  return (
    <form
      aria-label="Report filters"
      onSubmit={submit}
      className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3 lg:grid-cols-[repeat(2,minmax(0,0.9fr))_minmax(0,0.8fr)_repeat(2,minmax(0,1.2fr))_auto]"
    >
      <div className="space-y-1.5">
        <label htmlFor={`${id}-from`} className={labelClass}>
          From
        </label>
        <input type="date" required value={draft.from} onChange={(e) => set("from", e.target.value)} className={control} {...field("from")} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-to`} className={labelClass}>
          To
        </label>
        <input type="date" required value={draft.to} onChange={(e) => set("to", e.target.value)} className={control} {...field("to")} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-interval`} className={labelClass}>
          Interval
        </label>
        <select value={draft.interval} onChange={(e) => set("interval", e.target.value as Interval)} className={control} {...field("interval")}>
          {INTERVALS.map((i) => (
            <option key={i.value} value={i.value}>
              {i.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-timeZone`} className={labelClass}>
          Time zone
        </label>
        <input
          type="text"
          required
          list={`${id}-zones`}
          autoComplete="off"
          spellCheck={false}
          value={draft.timeZone}
          onChange={(e) => set("timeZone", e.target.value)}
          className={control}
          {...field("timeZone")}
        />
      </div>
      <div className="col-span-2 space-y-1.5 md:col-span-1">
        <label htmlFor={`${id}-queueId`} className={labelClass}>
          Queue
        </label>
        <select value={draft.queueId} onChange={(e) => set("queueId", e.target.value)} className={control} {...field("queueId")}>
          <option value="">All queues</option>
          {queues?.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
          {/* A linked report of a queue this list does not (yet) hold keeps its choice. */}
          {draft.queueId && !queues?.some((q) => q.id === draft.queueId) && <option value={draft.queueId}>{queues ? "Unknown queue" : "Loading…"}</option>}
        </select>
      </div>
      <Button type="submit" busy={busy} className="col-span-2 md:col-span-1">
        Show report
      </Button>
      <datalist id={`${id}-zones`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </form>
  );
}
