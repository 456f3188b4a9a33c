import { parseIvrStep } from "./use-ivr-path";

/**
 * The caller's IVR steps in order ("Main menu" pressed 2 → "Billing"), as a list named "IVR
 * choices": each node by the label the flow gave it, or by its id.
 */
export function IvrSteps({ steps, labels = {}, className = "" }: { steps: string[]; labels?: Record<string, string>; className?: string }) {
  return (
    <ol aria-label="IVR choices" className={`flex flex-wrap items-center gap-2 text-sm ${className}`}>
      {steps.map((raw, i) => {
        const { node, choice } = parseIvrStep(raw);
        return (
          <li key={`${i}-${raw}`} className="flex items-center gap-2">
            {i > 0 && (
              <span aria-hidden className="text-slate-400">
                →
              </span>
            )}
            <span className="inline-flex items-center gap-1.5 rounded-md bg-slate-50 px-2 py-1 text-slate-700 ring-1 ring-inset ring-slate-200">
              {labels[node] ? <span className="font-medium">{labels[node]}</span> : <span className="font-mono text-xs">{node}</span>}
              {choice?.kind === "key" && (
                <>
                  <span className="text-slate-500">pressed</span>
                  <kbd className="rounded border border-slate-300 bg-white px-1.5 font-mono text-xs font-semibold text-slate-900 shadow-sm">{choice.key}</kbd>
                </>
              )}
              {choice?.kind === "no-input" && <span className="text-slate-500">no key pressed</span>}
              {choice?.kind === "other" && <span className="text-slate-500">{choice.text}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
