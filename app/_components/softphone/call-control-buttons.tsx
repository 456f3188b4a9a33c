"use client";
import { CallButton } from "./call-button";
import { KeypadIcon, MicIcon, MicOffIcon, PauseIcon, PlayIcon, TransferIcon } from "./icons";
import type { CallControls } from "./use-call-controls";
import type { CallMediaHook } from "./use-call-media";

interface Props {
  controls: CallControls;
  media: CallMediaHook;
  held: boolean;
  /** A warm transfer is under way: no hold or new transfer until it ends. */
  consulting: boolean;
  /** Consulted on a colleague's call: only Mute (and Hang up) are theirs. */
  guest: boolean;
  padOpen: boolean;
  onTogglePad: () => void;
  onTransfer: () => void;
  compact?: boolean;
}

/** Mute/Unmute, Hold/Resume, Keypad and Transfer, for the workspace's panel and the call bar alike. */
export function CallControlButtons({ controls, media, held, consulting, guest, padOpen, onTogglePad, onTransfer, compact = false }: Props) {
  return (
    <>
      <CallButton
        compact={compact}
        label={media.muted ? "Unmute" : "Mute"}
        active={media.muted}
        icon={media.muted ? <MicOffIcon /> : <MicIcon />}
        disabled={media.status === "phone"}
        onClick={media.toggleMute}
      />
      {!guest && (
        <>
          <CallButton
            compact={compact}
            label={held ? "Resume" : "Hold"}
            active={held}
            icon={held ? <PlayIcon /> : <PauseIcon />}
            disabled={controls.busy === "hold" || consulting}
            onClick={() => void controls.hold(!held)}
          />
          <CallButton compact={compact} label="Keypad" active={padOpen} aria-expanded={padOpen} icon={<KeypadIcon />} onClick={onTogglePad} />
          <CallButton compact={compact} label="Transfer" icon={<TransferIcon />} disabled={consulting} onClick={onTransfer} />
        </>
      )}
    </>
  );
}
