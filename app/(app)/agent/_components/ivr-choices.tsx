import { IvrSteps } from "@/app/_components/softphone/ivr-steps";
import type { IvrPathState } from "@/app/_components/softphone/use-ivr-path";

/** The screen pop's "IVR choices": each menu the caller went through and the key pressed there. */
export function IvrChoices({ ivr }: { ivr: IvrPathState }) {
  if (ivr.status === "idle") return null;
  return (
    <section aria-labelledby="ivr-choices-title" className="mt-4 border-t border-slate-100 pt-4">
      <h3 id="ivr-choices-title" className="text-sm font-semibold text-slate-900">
        IVR choices
      </h3>
      {ivr.status === "loading" && <p className="mt-1 text-sm text-slate-500">Loading the IVR path…</p>}
      {ivr.status === "failed" && <p className="mt-1 text-sm text-slate-500">The IVR path could not be loaded.</p>}
      {ivr.status === "ready" && ivr.steps.length === 0 && <p className="mt-1 text-sm text-slate-500">The call came in without an IVR.</p>}
      {ivr.status === "ready" && ivr.steps.length > 0 && <IvrSteps steps={ivr.steps} labels={ivr.labels} className="mt-2" />}
    </section>
  );
}
