"use client";
import { useId, useState } from "react";
import { api, errorMessage } from "../../_lib/api";
import { type Evaluation, type Scorecard, formatPct } from "../../_lib/quality";
import { useFormSubmit } from "../../_lib/use-form-submit";
import { Button } from "../button";
import { SelectField, TextArea } from "../field";
import { ErrorNotice, SuccessNotice } from "../states";
import { ScoreRadios } from "./score-radios";

type Answers = Record<string, number | null>;

/** The API's "answers: every criterion needs…" without the field path. */
const describe = (e: unknown) => errorMessage(e).replace(/^answers: /, "");

/**
 * A supervisor scores the call on one scorecard: each criterion 0-5 or N/A, and a comment. Their
 * earlier scores on that scorecard fill the form in; saving again replaces them.
 */
export function ScoreForm({ callId, scorecards, mine, onSaved }: { callId: string; scorecards: Scorecard[]; mine: (scorecardId: string) => Evaluation | undefined; onSaved: () => Promise<void> }) {
  const start = (cardId: string) => {
    const m = mine(cardId);
    return { cardId, answers: Object.fromEntries(m?.answers.map((a) => [a.criterionId, a.score]) ?? []) as Answers, comment: m?.comment ?? "" };
  };
  const [draft, setDraft] = useState(() => start(scorecards[0]?.id ?? ""));
  const [saved, setSaved] = useState<Evaluation | null>(null);
  const titleId = useId();
  const card = scorecards.find((s) => s.id === draft.cardId);
  const earlier = mine(draft.cardId);

  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async () => {
      if (!card) return;
      const missing = card.criteria.filter((c) => !(c.id in draft.answers));
      if (missing.length > 0) throw new Error(`Choose a score or N/A for every criterion (missing: ${missing.map((c) => c.label).join(", ")}).`);
      const answers = card.criteria.map((c) => ({ criterionId: c.id, score: draft.answers[c.id] ?? null }));
      if (answers.every((a) => a.score === null)) throw new Error("Score at least one criterion: they cannot all be N/A.");
      setSaved(null);
      const ev = await api<Evaluation>(`/calls/${callId}/evaluations`, { method: "POST", body: { scorecardId: card.id, answers, comment: draft.comment } });
      setSaved(ev);
      await onSaved();
    },
    describe,
    { settle: true },
  );
  const change = (next: typeof draft) => {
    clearError();
    setSaved(null);
    setDraft(next);
  };

  return (
    <form aria-labelledby={titleId} onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <div>
        <h3 id={titleId} className="text-sm font-semibold text-slate-900">
          Score this call
        </h3>
        <p className="mt-0.5 text-xs text-slate-500">
          {earlier ? `You scored this call on this scorecard (${formatPct(earlier.scorePct)}); saving replaces your scores.` : "Each criterion from 0 (not at all) to 5 (perfectly), or N/A when it does not apply."}
        </p>
      </div>
      <SelectField label="Scorecard" value={draft.cardId} onChange={(e) => change(start(e.target.value))} className="max-w-sm">
        {scorecards.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {card && (
        <div className="divide-y divide-slate-100 border-y border-slate-100">
          {card.criteria.map((c) => (
            <ScoreRadios
              key={c.id}
              name={`score-${c.id}`}
              label={c.label}
              description={c.description}
              weight={c.weight}
              value={draft.answers[c.id]}
              onChange={(v) => change({ ...draft, answers: { ...draft.answers, [c.id]: v } })}
            />
          ))}
        </div>
      )}
      <TextArea label="Comment" value={draft.comment} onChange={(e) => change({ ...draft, comment: e.target.value })} maxLength={2000} placeholder="What went well, what to work on" />
      {error && <ErrorNotice message={error} />}
      {saved && <SuccessNotice>Score saved: {formatPct(saved.scorePct)} on {saved.scorecard.name}.</SuccessNotice>}
      <Button type="submit" busy={busy}>
        Save score
      </Button>
    </form>
  );
}
