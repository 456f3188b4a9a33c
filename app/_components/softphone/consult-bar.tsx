"use client";
import { Badge } from "../badge";
import { Button } from "../button";
import { ErrorNotice } from "../states";
import type { ConsultHook } from "./use-consult";

const STATE = {
  ringing: { tone: "blue", label: "Ringing…", help: "The caller is on hold and hears music." },
  talking: { tone: "green", label: "Talking", help: "The caller is on hold. Complete the transfer, bring the caller in, or go back." },
  conference: { tone: "green", label: "Conference", help: "All three of you are talking. Hang up to leave them together." },
} as const;

/** A consult (warm transfer) in progress: who, where it is, and what the agent can do next. */
export function ConsultBar({ hook }: { hook: ConsultHook }) {
  const { consult, notice } = hook;
  if (!consult) return notice ? <p role="status" className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">{notice}</p> : null;
  const s = STATE[consult.state];
  return (
    <section aria-label="Consult" className="space-y-3 rounded-xl border border-brand-100 bg-brand-50/40 p-4">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">
          {consult.state === "conference" ? "Conference with" : "Consulting"} <span className="font-semibold">{consult.party}</span>
        </p>
        <Badge tone={s.tone}>{s.label}</Badge>
      </div>
      <p className="text-xs text-slate-600">{s.help}</p>
      {hook.error && <ErrorNotice message={hook.error} />}
      <div className="flex flex-wrap gap-2">
        {consult.state !== "ringing" && (
          <Button size="sm" busy={hook.busy === "complete"} onClick={() => void hook.complete()}>
            Complete transfer
          </Button>
        )}
        {consult.state === "talking" && (
          <Button size="sm" variant="secondary" busy={hook.busy === "conference"} onClick={() => void hook.conference()}>
            Conference
          </Button>
        )}
        {consult.state !== "conference" && (
          <Button size="sm" variant="ghost-danger" busy={hook.busy === "cancel"} onClick={() => void hook.cancel()}>
            Cancel transfer
          </Button>
        )}
      </div>
    </section>
  );
}
