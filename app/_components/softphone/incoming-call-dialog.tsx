"use client";
import { useEffect, useId, useRef } from "react";
import { Badge } from "../badge";
import { Button } from "../button";
import { ErrorNotice } from "../states";
import { formatClock, formatPhone, secondsSince } from "./format";
import { IvrSteps } from "./ivr-steps";
import { startRinging } from "./ringer";
import type { CallOffer } from "./types";
import { useNow } from "./use-now";

interface Props {
  offer: CallOffer;
  contactName: string | null;
  vip?: boolean;
  /** The caller's IVR choices (the call's recorded path), when it came through a flow. */
  ivrSteps?: string[];
  /** The flow's labels of those steps' nodes, by node id. */
  ivrLabels?: Record<string, string>;
  busy: "answer" | "decline" | null;
  error: string | null;
  onAnswer: () => void;
  onDecline: () => void;
}

/**
 * The offer: a modal named "Incoming call" that rings until it is answered, declined or taken
 * back. Focus starts on Answer; Escape does nothing (declining is always a deliberate click).
 */
export function IncomingCallDialog({ offer, contactName, vip = false, ivrSteps = [], ivrLabels = {}, busy, error, onAnswer, onDecline }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const answerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const now = useNow(250);
  const left = Math.max(0, Math.ceil((Date.parse(offer.expiresAt) - now) / 1000));

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    answerRef.current?.focus();
    const stop = startRinging();
    return () => {
      stop();
      if (el?.open) el.close();
    };
  }, [offer.offerId]);

  return (
    <dialog
      ref={ref}
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(e) => e.preventDefault()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50"
    >
      <div className="px-6 pt-6 text-center">
        <span aria-hidden className="relative mx-auto grid size-14 place-items-center rounded-full bg-emerald-100 text-emerald-700">
          <span className="absolute inset-0 animate-ping rounded-full bg-emerald-200 opacity-60" />
          <svg viewBox="0 0 24 24" className="relative size-7" fill="currentColor">
            <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1l-2.2 2.23Z" />
          </svg>
        </span>
        <h2 id={titleId} className="mt-4 text-sm font-semibold uppercase tracking-wide text-emerald-700">
          Incoming call
        </h2>
        {contactName && (
          <p className="mt-2 flex items-center justify-center gap-2 text-xl font-semibold">
            {contactName}
            {vip && <Badge tone="amber">VIP</Badge>}
          </p>
        )}
        <p className={contactName ? "mt-0.5 text-slate-600" : "mt-2 text-2xl font-semibold tabular-nums"}>{formatPhone(offer.fromNumber)}</p>
        <dl className="mt-4 grid grid-cols-3 gap-2 rounded-lg bg-slate-50 px-3 py-3 text-sm">
          <div>
            <dt className="text-xs text-slate-500">Queue</dt>
            <dd className="font-medium">{offer.queueName ?? "Direct"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Waited</dt>
            <dd className="font-medium tabular-nums">{formatClock(secondsSince(offer.enqueuedAt, now))}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Rings for</dt>
            <dd className="font-medium tabular-nums" aria-live="off">
              {left}s
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-slate-500">To {formatPhone(offer.toNumber)}</p>
        {ivrSteps.length > 0 && <IvrSteps steps={ivrSteps} labels={ivrLabels} className="mt-3 justify-center text-left" />}
      </div>
      {error && (
        <div className="px-6 pt-4">
          <ErrorNotice message={error} />
        </div>
      )}
      <div className="mt-6 grid grid-cols-2 gap-3 border-t border-slate-200 bg-slate-50 px-6 py-4">
        <Button variant="danger" onClick={onDecline} busy={busy === "decline"} disabled={busy !== null}>
          Decline
        </Button>
        <button
          ref={answerRef}
          type="button"
          onClick={onAnswer}
          disabled={busy !== null}
          aria-busy={busy === "answer" || undefined}
          className="inline-flex h-10 items-center justify-center gap-2 rounded-md bg-emerald-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-emerald-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy === "answer" && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />}
          Answer
        </button>
      </div>
    </dialog>
  );
}
