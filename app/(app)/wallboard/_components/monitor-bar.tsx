"use client";
import { Button } from "../../../_components/button";
import { RemoteAudio } from "../../../_components/softphone/remote-audio";
import { MONITOR_MODES, type Monitored, type useMonitor } from "./use-monitor";

const STATUS: Record<string, string> = { connecting: "Connecting audio…", connected: "Audio connected", failed: "Audio failed", idle: "", phone: "" };

/** The call a supervisor is in: its mode (a radio group), the audio state, mute, and Stop. */
export function MonitorBar({ monitor }: { monitor: ReturnType<typeof useMonitor> & { current: Monitored } }) {
  const { current, media } = monitor;
  const mode = MONITOR_MODES.find((m) => m.mode === current.mode) ?? MONITOR_MODES[0];
  return (
    <section aria-label="Monitoring" className="mb-4 rounded-lg border border-brand-200 bg-brand-50 p-4 shadow-sm">
      <RemoteAudio stream={media.remote} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="font-semibold text-slate-900">
            {mode?.heading} {current.agentName}&apos;s call
          </p>
          <p className="text-sm text-slate-600" role="status">
            {mode?.hint}. {STATUS[media.status]}
            {media.error && <span className="text-red-700"> {media.error}</span>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <div role="radiogroup" aria-label="Monitoring mode" className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
            {MONITOR_MODES.map((m) => (
              <button
                key={m.mode}
                type="button"
                role="radio"
                aria-checked={current.mode === m.mode}
                title={m.hint}
                disabled={monitor.busy}
                onClick={() => void monitor.start(current.callId, current.agentName, m.mode)}
                className={`px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${current.mode === m.mode ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-50"}`}
              >
                {m.label}
              </button>
            ))}
          </div>
          <Button variant="secondary" size="sm" onClick={media.toggleMute} disabled={current.mode === "listen"}>
            {media.muted ? "Unmute" : "Mute"}
          </Button>
          <Button variant="danger" size="sm" busy={monitor.busy} onClick={() => void monitor.stop()}>
            Stop monitoring
          </Button>
        </div>
      </div>
      {monitor.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {monitor.error}
        </p>
      )}
    </section>
  );
}
