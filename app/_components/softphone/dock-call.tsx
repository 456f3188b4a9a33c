"use client";
import { useState } from "react";
import { ErrorNotice } from "../states";
import { isGuest } from "./call-badges";
import { CallButton } from "./call-button";
import { CallControlButtons } from "./call-control-buttons";
import { ConsultBar } from "./consult-bar";
import { HangUpIcon } from "./icons";
import { Keypad } from "./keypad";
import { MediaStatusLine } from "./media-status-line";
import { RecordingToggle } from "./recording-toggle";
import { useSoftphone } from "./softphone-context";
import { TransferDialog } from "./transfer-dialog";

/**
 * The call's controls in the call bar (every page but the agent workspace): the same names as the
 * workspace's panel (Mute, Hold, Keypad, Transfer, Hang up), smaller, in one row.
 */
export function DockCall({ selfId }: { selfId: string }) {
  const sp = useSoftphone();
  const { record, controls, media, consult } = sp;
  const call = record.call;
  const [padOpen, setPadOpen] = useState(false);
  const [sent, setSent] = useState("");
  const [transferOpen, setTransferOpen] = useState(false);
  const guest = isGuest(call, selfId);
  const consulting = consult.consult !== null;

  const press = (key: string) => {
    setSent((s) => (s + key).slice(-24));
    controls.dtmf(key);
  };

  return (
    <div className="space-y-3">
      <MediaStatusLine media={media} />
      {guest && <p className="text-center text-xs text-slate-600">A colleague is asking you about this call. Hang up to leave it.</p>}
      {controls.error && <ErrorNotice message={controls.error} />}
      {record.error && <ErrorNotice message={record.error} />}
      <ConsultBar hook={consult} />
      <div className={`grid gap-1 ${guest ? "grid-cols-2" : "grid-cols-5"}`}>
        <CallControlButtons
          compact
          controls={controls}
          media={media}
          held={call?.held ?? false}
          consulting={consulting}
          guest={guest}
          padOpen={padOpen}
          onTogglePad={() => setPadOpen((o) => !o)}
          onTransfer={() => setTransferOpen(true)}
        />
        <CallButton
          compact
          tone="danger"
          label="Hang up"
          icon={<HangUpIcon />}
          disabled={controls.busy === "hangup"}
          aria-busy={controls.busy === "hangup" || undefined}
          onClick={() => void sp.hangup()}
        />
      </div>
      {padOpen && <Keypad onKey={press} sent={sent} />}
      {!guest && <RecordingToggle controls={controls} compact />}
      {call && (
        <TransferDialog
          open={transferOpen}
          callId={call.id}
          selfId={selfId}
          onClose={() => setTransferOpen(false)}
          onTransferred={() => void sp.agent.reload()}
        />
      )}
    </div>
  );
}
