import { formatDate } from "../../_lib/labels";
import { type Evaluation, MAX_SCORE, formatPct } from "../../_lib/quality";

const tone = (pct: number) => (pct >= 80 ? "text-emerald-700" : pct >= 50 ? "text-amber-700" : "text-red-700");

/** The scores given to a call: per scorecard and evaluator, the weighted total, each criterion and the comment. */
export function EvaluationList({ items }: { items: Evaluation[] }) {
  if (items.length === 0) return <p className="mt-1 text-sm text-slate-500">Not scored yet.</p>;
  return (
    <ul aria-label="Scores" className="mt-3 space-y-3">
      {items.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 p-4">
          <div className="flex items-start justify-between gap-4">
            <div className="min-w-0">
              <p className="text-sm font-semibold text-slate-900">{e.scorecard.name}</p>
              <p className="text-xs text-slate-500">
                By {e.evaluator?.name ?? "a former user"} · {formatDate(e.updatedAt)}
              </p>
            </div>
            <p className={`text-2xl font-semibold tabular-nums ${tone(e.scorePct)}`}>{formatPct(e.scorePct)}</p>
          </div>
          {e.comment && <p className="mt-3 whitespace-pre-wrap border-l-2 border-slate-200 pl-3 text-sm text-slate-700">{e.comment}</p>}
          <dl className="mt-3 divide-y divide-slate-100 text-sm">
            {e.answers.map((a) => (
              <div key={a.criterionId} className="flex justify-between gap-4 py-1.5">
                <dt className="text-slate-700">
                  {a.label}
                  {a.weight > 1 && (
                    <span className="ml-1.5 text-xs text-slate-400">
                      <span aria-hidden>×{a.weight}</span>
                      <span className="sr-only">, weight {a.weight}</span>
                    </span>
                  )}
                </dt>
                <dd className={`shrink-0 tabular-nums ${a.score === null ? "text-slate-400" : "font-medium text-slate-900"}`}>{a.score === null ? "N/A" : `${a.score}/${MAX_SCORE}`}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
