"use client";
import { useId } from "react";
import { SCORES } from "../../_lib/quality";

/**
 * The 0..5 / N/A choice for one criterion: native radios (Tab in, arrow keys move), each laid
 * transparent over its drawn button so that a click or a tap lands on the radio itself.
 */
export function ScoreRadios({ name, label, description, weight, value, onChange }: { name: string; label: string; description: string; weight: number; value: number | null | undefined; onChange: (v: number | null) => void }) {
  const id = useId();
  const options: Array<{ v: number | null; text: string }> = [...SCORES.map((v) => ({ v, text: String(v) })), { v: null, text: "N/A" }];
  return (
    <div className="gap-4 py-3 sm:flex sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p id={`${id}-label`} className="text-sm font-medium text-slate-900">
          {label}
        </p>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {description ? `${description} · ` : ""}Weight {weight}
        </p>
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`} className="mt-2 flex shrink-0 gap-1 sm:mt-0">
        {options.map((o) => (
          <label key={o.text} className="relative cursor-pointer">
            <input type="radio" name={name} value={o.v ?? "na"} checked={value === o.v} onChange={() => onChange(o.v)} className="peer absolute inset-0 z-10 m-0 cursor-pointer appearance-none opacity-0" />
            <span
              className={`flex h-9 items-center justify-center rounded-md border text-sm font-medium tabular-nums transition-colors peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500/50 peer-focus-visible:ring-offset-1 ${o.v === null ? "px-2.5" : "w-9"} ${
                value === o.v ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 peer-hover:bg-slate-50"
              }`}
            >
              {o.text}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
