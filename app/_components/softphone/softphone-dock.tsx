"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "../badge";
import { Button } from "../button";
import { CallBadges, isGuest } from "./call-badges";
import { DockCall } from "./dock-call";
import { formatClock, formatPhone, secondsSince } from "./format";
import { otherParty } from "./use-call-record";
import { useNow } from "./use-now";
import { ENDED_OFFER_LABEL } from "./use-offer";
import { useSoftphone } from "./softphone-context";
import { WrapUpForm } from "./wrap-up-form";

const frame = "sticky bottom-0 z-20 w-full border-t border-slate-200 bg-white shadow-[0_-8px_24px_-12px_rgb(15_23_42/0.25)] sm:bottom-4 sm:mr-4 sm:w-96 sm:self-end sm:rounded-xl sm:border";

const workspaceLink = (
  <Link href="/agent" className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500">
    Open workspace
    <span aria-hidden>→</span>
  </Link>
);

/**
 * The softphone on every page but the agent workspace (which shows it in full): a call bar with
 * the call's controls, then its wrap-up until Finish; it can be minimized to its header. Sticky at
 * the bottom of the page, so it never hides the end of a page's content.
 */
export function SoftphoneDock({ selfId }: { selfId: string }) {
  const sp = useSoftphone();
  const { view } = sp;
  if (view.kind === "idle") return <MissedOffer />;
  // A new call, or its wrap-up, opens expanded.
  return <DockFrame key={`${view.kind}:${view.callId}`} selfId={selfId} />;
}

function DockFrame({ selfId }: { selfId: string }) {
  const sp = useSoftphone();
  const { view, record, contact, media, controls, consult } = sp;
  const [open, setOpen] = useState(true);
  const call = record.call;
  const wrap = view.kind === "wrap";
  const now = useNow(1000, !wrap);
  const party = call ? formatPhone(otherParty(call)) : null;
  const name = contact?.name ?? party ?? "Connecting…";
  const details = [contact?.name ? party : null, call?.queueName ? `${call.queueName} queue` : null].filter(Boolean).join(" · ");

  return (
    <section aria-label="Softphone" className={frame}>
      <header className="flex items-center gap-3 px-4 py-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-1.5">
            {wrap ? (
              <Badge tone="amber">After-call work</Badge>
            ) : (
              <CallBadges call={call} guest={isGuest(call, selfId)} consulting={consult.consult !== null} muted={media.muted} recordingPaused={controls.recordingPaused} />
            )}
          </div>
          <p className="mt-1 flex items-center gap-2 font-semibold text-slate-900">
            <span className="truncate">{name}</span>
            {contact?.tier === "vip" && <Badge tone="amber">VIP</Badge>}
          </p>
          {details && <p className="truncate text-xs text-slate-500">{details}</p>}
        </div>
        {!wrap && (
          <p role="timer" aria-label="Call duration" className="font-mono text-lg tabular-nums text-slate-900">
            {formatClock(secondsSince(call?.answeredAt, now))}
          </p>
        )}
        <button
          type="button"
          aria-label={open ? "Minimize softphone" : "Expand softphone"}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="grid size-8 shrink-0 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <svg viewBox="0 0 20 20" className={`size-5 transition-transform ${open ? "" : "rotate-180"}`} fill="currentColor" aria-hidden>
            <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" />
          </svg>
        </button>
      </header>
      <div hidden={!open} className="max-h-[calc(100dvh-12rem)] overflow-y-auto border-t border-slate-100 px-4 pb-4 pt-3">
        {wrap ? <WrapUpForm call={call} wrap={sp.wrapUp} warning={sp.wrapWarning} until={sp.wrapUntil} openTickets={sp.lookup.status === "ready" ? sp.lookup.data.openTickets : []} /> : <DockCall selfId={selfId} />}
        <div className="mt-3 flex justify-end">{workspaceLink}</div>
      </div>
    </section>
  );
}

/** An offer that rang out or was taken back while the agent was on another page. */
function MissedOffer() {
  const { offers, agent } = useSoftphone();
  const ended = offers.ended;
  const until = agent.state?.state === "break" ? agent.state.until : null;
  const now = useNow(1000, !!ended && !!until);
  const back = until ? Math.ceil((Date.parse(until) - now) / 1000) : null;
  if (!ended) return null;
  return (
    <section aria-label="Softphone" className={frame}>
      <div role="status" className="px-4 py-3 text-sm text-amber-900">
        <p className="font-medium">
          {ENDED_OFFER_LABEL[ended.result]}: {formatPhone(ended.offer.fromNumber)}
          {ended.offer.queueName ? ` (${ended.offer.queueName})` : ""}
        </p>
        {offers.error && <p className="mt-1">{offers.error}</p>}
        {back !== null && back > 0 && <p className="mt-1 text-amber-800">You are on a short break: calls ring again in {back}s.</p>}
        <div className="mt-2 flex items-center justify-between gap-3">
          <Button variant="ghost" size="sm" className="-ml-3" onClick={offers.dismissEnded}>
            Dismiss
          </Button>
          {workspaceLink}
        </div>
      </div>
    </section>
  );
}
