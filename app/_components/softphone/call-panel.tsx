"use client";
import { useState } from "react";
import { useResource } from "@/app/_lib/use-resource";
import { Badge } from "../badge";
import { ErrorNotice } from "../states";
import { CallButton } from "./call-button";
import { ConsultBar } from "./consult-bar";
import { formatClock, formatPhone, secondsSince } from "./format";
import { HangUpIcon, KeypadIcon, MicIcon, MicOffIcon, PauseIcon, PlayIcon, TransferIcon } from "./icons";
import { Keypad } from "./keypad";
import { MediaStatusLine } from "./media-status-line";
import { RemoteAudio } from "./remote-audio";
import { TransferDialog } from "./transfer-dialog";
import type { CallControls } from "./use-call-controls";
import type { CallMediaHook } from "./use-call-media";
import { type CallView, otherParty } from "./use-call-record";
import { useConsult } from "./use-consult";
import { useNow } from "./use-now";

interface Props {
  call: CallView | null;
  contactName: string | null;
  controls: CallControls;
  media: CallMediaHook;
  onHangup: () => void;
  selfId: string;
  onTransferred: () => void;
}

/** The call in progress: who, how long, and the controls (hang up, hold, mute, keypad, transfer). */
export function CallPanel({ call, contactName, controls, media, onHangup, selfId, onTransferred }: Props) {
  const now = useNow(1000);
  const [padOpen, setPadOpen] = useState(false);
  const [sent, setSent] = useState("");
  const [transferOpen, setTransferOpen] = useState(false);
  const consult = useConsult(call?.id ?? null);
  const consulting = consult.consult !== null;
  // Consulted on a colleague's call (warm transfer): talk, or hang up to leave; the rest is theirs.
  const guest = !!call?.agentId && call.agentId !== selfId;
  const held = call?.held ?? false;
  const party = call ? formatPhone(otherParty(call)) : null;
  const dialling = call?.direction === "outbound" && !call.answeredAt;
  const recorded = useResource<{ recordingEnabled: boolean }>("/settings").data?.recordingEnabled ?? false;

  const press = (key: string) => {
    setSent((s) => (s + key).slice(-24));
    controls.dtmf(key);
  };

  return (
    <section aria-label="Call" className="space-y-5">
      <RemoteAudio stream={media.remote} />
      <div className="text-center">
        <div className="flex items-center justify-center gap-2">
          {guest ? <Badge tone="blue">Consult</Badge> : consulting ? <Badge tone="amber">Caller waiting</Badge> : held ? <Badge tone="amber">On hold</Badge> : dialling ? <Badge tone="blue">Calling…</Badge> : <Badge tone="green">In call</Badge>}
          {media.muted && <Badge tone="red">Muted</Badge>}
          {controls.recordingPaused && <Badge tone="amber">Recording paused</Badge>}
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
        <CallButton
          label={media.muted ? "Unmute" : "Mute"}
          active={media.muted}
          icon={media.muted ? <MicOffIcon /> : <MicIcon />}
          disabled={media.status === "phone"}
          onClick={media.toggleMute}
        />
        {!guest && (
          <>
            <CallButton
              label={held ? "Resume" : "Hold"}
              active={held}
              icon={held ? <PlayIcon /> : <PauseIcon />}
              disabled={controls.busy === "hold" || consulting}
              onClick={() => void controls.hold(!held)}
            />
            <CallButton label="Keypad" active={padOpen} aria-expanded={padOpen} icon={<KeypadIcon />} onClick={() => setPadOpen((o) => !o)} />
            <CallButton label="Transfer" icon={<TransferIcon />} disabled={consulting} onClick={() => setTransferOpen(true)} />
          </>
        )}
      </div>

      {padOpen && <Keypad onKey={press} sent={sent} />}

      {!guest && recorded && (
        <div className="flex items-center justify-between gap-3 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-600">
          <span>{controls.recordingPaused ? "Not recording: resume once the card details are given." : "This call is recorded. Pause while the caller reads out card details."}</span>
          <button
            type="button"
            onClick={() => void controls.pauseRecording(!controls.recordingPaused)}
            disabled={controls.busy === "recording"}
            aria-busy={controls.busy === "recording" || undefined}
            className="shrink-0 rounded-md bg-white px-3 py-1.5 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60"
          >
            {controls.recordingPaused ? "Resume recording" : "Pause recording"}
          </button>
        </div>
      )}

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
          onConsulting={() => setTransferOpen(false)}
          onTransferred={() => {
            setTransferOpen(false);
            onTransferred();
          }}
        />
      )}
    </section>
  );
}
