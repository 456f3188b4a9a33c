"use client";
import { useResource } from "@/app/_lib/use-resource";
import type { CallControls } from "./use-call-controls";

/**
 * When the tenant records calls: says so, and pauses the recording while the caller reads out
 * card details (and resumes it). Nothing when recording is off.
 */
export function RecordingToggle({ controls, compact = false }: { controls: CallControls; compact?: boolean }) {
  const recorded = useResource<{ recordingEnabled: boolean }>("/settings").data?.recordingEnabled ?? false;
  if (!recorded) return null;
  const paused = controls.recordingPaused;
  const busy = controls.busy === "recording";
  const text = compact
    ? paused
      ? "Not recording."
      : "This call is recorded."
    : paused
      ? "Not recording: resume once the card details are given."
      : "This call is recorded. Pause while the caller reads out card details.";
  return (
    <div className={`flex items-center justify-between gap-3 rounded-lg bg-slate-50 text-slate-600 ${compact ? "px-3 py-1.5 text-xs" : "px-3 py-2 text-sm"}`}>
      <span>{text}</span>
      <button
        type="button"
        onClick={() => void controls.pauseRecording(!paused)}
        disabled={busy}
        aria-busy={busy || undefined}
        className={`shrink-0 rounded-md bg-white font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60 ${compact ? "px-2 py-1" : "px-3 py-1.5"}`}
      >
        {paused ? "Resume recording" : "Pause recording"}
      </button>
    </div>
  );
}
