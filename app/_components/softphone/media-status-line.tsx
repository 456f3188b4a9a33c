import { ErrorNotice } from "../states";
import type { CallMediaHook } from "./use-call-media";

/** How the call's audio is doing: connecting, connected, or why it failed (with a retry). */
export function MediaStatusLine({ media }: { media: CallMediaHook }) {
  if (media.status === "failed" && media.error) {
    return (
      <div className="mt-3 text-left">
        <ErrorNotice message={media.error} onRetry={media.retry} />
      </div>
    );
  }
  const text = { idle: "", connecting: "Connecting audio…", connected: "Audio connected", phone: "On your SIP phone", failed: "" }[media.status];
  const dot = media.status === "connected" ? "bg-emerald-500" : media.status === "phone" ? "bg-brand-500" : "bg-amber-400 animate-pulse";
  return (
    <p role="status" className="mt-2 flex h-5 items-center justify-center gap-2 text-xs text-slate-500">
      {text && <span aria-hidden className={`size-2 rounded-full ${dot}`} />}
      {text}
    </p>
  );
}
