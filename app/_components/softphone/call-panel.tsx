"use client";
import { useState } from "react";
import { ErrorNotice } from "../states";
import { CallBadges, isGuest } from "./call-badges";
import { CallControlButtons } from "./call-control-buttons";
import { ConsultBar } from "./consult-bar";
import { formatClock, formatPhone, secondsSince } from "./format";
import { HangUpIcon } from "./icons";
import { Keypad } from "./keypad";
import { MediaStatusLine } from "./media-status-line";
import { RecordingToggle } from "./recording-toggle";
import { TransferDialog } from "./transfer-dialog";
import type { CallControls } from "./use-call-controls";
import type { CallMediaHook } from "./use-call-media";
import { type CallView, otherParty } from "./use-call-record";
import type { ConsultHook } from "./use-consult";
import { useNow } from "./use-now";

interface Props {
  call: CallView | null;
  contactName: string | null;
  controls: CallControls;
  media: CallMediaHook;
  /** A warm transfer of this call (kept by the softphone: it outlives this panel). */
  consult: ConsultHook;
  onHangup: () => void;
  selfId: string;
  onTransferred: () => void;
}

/**
 * The call in progress, in full (the agent workspace): who, how long, and the controls (hang up,
 * hold, mute, keypad, transfer, recording). The far end plays in the softphone layer, not here.
 */
export function CallPanel({ call, contactName, controls, media, consult, onHangup, selfId, onTransferred }: Props) {
  const now = useNow(1000);
  const [padOpen, setPadOpen] = useState(false);
  const [sent, setSent] = useState("");
  const [transferOpen, setTransferOpen] = useState(false);
  const consulting = consult.consult !== null;
  const guest = isGuest(call, selfId);
  const held = call?.held ?? false;
  const party = call ? formatPhone(otherParty(call)) : null;

  const press = (key: string) => {
    setSent((s) => (s + key).slice(-24));
    controls.dtmf(key);
  };

  return (
    <section aria-label="Call" className="space-y-5">
      <div className="text-center">
        <div className="flex items-center justify-center gap-2">
          <CallBadges call={call} guest={guest} consulting={consulting} muted={media.muted} recordingPaused={controls.recordingPaused} />
        </div>
        <p className="mt-3 text-xl font-semibold text-slate-900">{contactName ?? party ?? "Connecting…"}</p>
        {contactName && party && <p className="text-sm text-slate-600">{party}</p>}
        <p className="mt-1 text-xs text-slate-500">{call?.queueName ? `${call.queueName} queue` : "\u00a0"}</p>
        <p role="timer" aria-label="Call duration" className="mt-3 font-mono text-3xl tabular-nums text-slate-900">
          {formatClock(secondsSince(call?.answeredAt, now))}
        </p>
        <MediaStatusLine media={media} />
        {guest && <p className="mt-2 text-sm text-slate-600">A colleague is asking you about this call. Hang up to leave it.</p>}
      </div>

      {controls.error && <ErrorNotice message={controls.error} />}
      <ConsultBar hook={consult} />

      <div className={`grid gap-2 ${guest ? "grid-cols-1 justify-items-center" : "grid-cols-4"}`}>
        <CallControlButtons
          controls={controls}
          media={media}
          held={held}
          consulting={consulting}
          guest={guest}
          padOpen={padOpen}
          onTogglePad={() => setPadOpen((o) => !o)}
          onTransfer={() => setTransferOpen(true)}
        />
      </div>

      {padOpen && <Keypad onKey={press} sent={sent} />}

      {!guest && <RecordingToggle controls={controls} />}

      <button
        type="button"
        onClick={onHangup}
        disabled={controls.busy === "hangup"}
        aria-busy={controls.busy === "hangup" || undefined}
        className="flex h-12 w-full items-center justify-center gap-2 rounded-full bg-red-600 font-semibold text-white shadow-sm hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-60"
      >
        <HangUpIcon />
        Hang up
      </button>
      {call && (
        <TransferDialog
          open={transferOpen}
          callId={call.id}
          selfId={selfId}
          onClose={() => setTransferOpen(false)}
          onTransferred={onTransferred}
        />
      )}
    </section>
  );
}
