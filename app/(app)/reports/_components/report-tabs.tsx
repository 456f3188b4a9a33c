"use client";
import { type KeyboardEvent, useRef } from "react";
import type { View } from "./report-params";

const TABS: ReadonlyArray<{ view: View; label: string }> = [
  { view: "queues", label: "Queues" },
  { view: "agents", label: "Agents" },
];

export const tabId = (base: string, view: View) => `${base}-tab-${view}`;
export const panelId = (base: string) => `${base}-panel`;

/** Which report shows: a tab list (arrow keys, Home and End move and choose; one tab stop). */
export function ReportTabs({ base, view, onChange }: { base: string; view: View; onChange: (v: View) => void }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.view === view);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const i = (next + TABS.length) % TABS.length;
    const tab = TABS[i];
    if (!tab) return;
    onChange(tab.view);
    refs.current[i]?.focus();
  };
  return (
    <div role="tablist" aria-label="Report" onKeyDown={onKeyDown} className="inline-flex rounded-lg bg-slate-200/70 p-1">
      {TABS.map((t, i) => {
        const selected = t.view === view;
        return (
          <button
            key={t.view}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(base, t.view)}
            aria-selected={selected}
            aria-controls={panelId(base)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(t.view)}
            className={`rounded-md px-4 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
