import type { ReactNode } from "react";
import { formatMs } from "../../_lib/quality";
import type { CallRecord } from "../../_lib/types";

function Signal({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}

/** Voice activity measured on the call's audio (when it was recorded): who talked, over each other, or nobody. */
export function AudioSignals({ call }: { call: CallRecord }) {
  const s = call.audioStats;
  const ms = (key: string) => {
    const v = s?.[key];
    return v === undefined ? "—" : formatMs(v);
  };
  const ratio = s?.agentTalkRatio;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Audio signals</h3>
      {s ? (
        <>
          <p className="mt-0.5 text-xs text-slate-500">Measured automatically on the call&apos;s audio.</p>
          <dl aria-label="Audio signals" className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-5">
            <Signal label="Agent talk ratio">
              {ratio === undefined ? "—" : `${Math.round(ratio * 100)}%`}
              {ratio !== undefined && (
                <span aria-hidden className="mt-1.5 block h-1.5 w-full max-w-24 overflow-hidden rounded-full bg-slate-200">
                  <span className="block h-full rounded-full bg-brand-500" style={{ width: `${Math.round(ratio * 100)}%` }} />
                </span>
              )}
            </Signal>
            <Signal label="Caller talk">{ms("callerTalkMs")}</Signal>
            <Signal label="Agent talk">{ms("agentTalkMs")}</Signal>
            <Signal label="Talk-over">{ms("talkOverMs")}</Signal>
            <Signal label="Silence">{ms("silenceMs")}</Signal>
          </dl>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-500">{call.state === "ended" ? "No audio signals: this call was not recorded." : "Measured when the call ends."}</p>
      )}
    </div>
  );
}
