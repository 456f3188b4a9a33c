"use client";
import { useEffect, useRef, useState } from "react";
import { api, errorMessage } from "../_lib/api";
import { MAX_WEIGHT, type Scorecard, usedOn } from "../_lib/quality";
import { useFormSubmit } from "../_lib/use-form-submit";
import { Button } from "./button";
import { CriteriaEditor, type CriterionDraft } from "./criteria-editor";
import { Dialog, DialogActions } from "./dialog";
import { TextField } from "./field";
import { ErrorNotice } from "./states";

/** The API's field paths in words: "criteria.1.label: is required" -> "Criterion 2 label is required". */
export function describeScorecardError(e: unknown): string {
  return errorMessage(e)
    .split("; ")
    .map((part) => {
      const m = /^([\w.]+): (.*)$/.exec(part);
      if (!m) return part;
      const [, path = "", message = ""] = m;
      const field = path.replace(/^criteria\.(\d+)\.?(\w*)$/, (_, i: string, f: string) => `Criterion ${Number(i) + 1}${f ? ` ${f}` : ""}`).replace(/^name$/, "Name").replace(/^criteria$/, "Criteria");
      return message.startsWith("is ") ? `${field} ${message}` : `${field}: ${message}`;
    })
    .join("; ");
}

let nextKey = 0;
const draftOf = (c?: Scorecard["criteria"][number]): CriterionDraft => ({ key: `c${nextKey++}`, label: c?.label ?? "", description: c?.description ?? "", weight: c?.weight ?? 1 });

/**
 * Creates a scorecard, or edits `scorecard` when given: its name always, its criteria only while
 * no call was scored with it (the API refuses then, so the criteria show read-only with why).
 */
export function ScorecardDialog({ open, scorecard, onClose, onSaved }: { open: boolean; scorecard?: Scorecard; onClose: () => void; onSaved: () => Promise<void> }) {
  const locked = !!scorecard && scorecard.evaluations > 0;
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => (scorecard ? scorecard.criteria.map(draftOf) : [draftOf()]));
  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async (form) => {
      const name = String(form.get("name"));
      const body = locked ? { name } : { name, criteria: criteria.map(({ label, description, weight }) => ({ label, description, weight })) };
      await api(scorecard ? `/scorecards/${scorecard.id}` : "/scorecards", { method: scorecard ? "PATCH" : "POST", body });
      close();
      await onSaved();
    },
    describeScorecardError,
    { settle: true },
  );
  const close = () => {
    clearError();
    onClose();
  };
  // The form scrolls inside the dialog: bring the API's refusal into view, above the fields.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: "nearest" });
  }, [error]);

  return (
    <Dialog
      open={open}
      onClose={close}
      wide
      title={scorecard ? "Edit scorecard" : "New scorecard"}
      description="Supervisors score a call on each criterion from 0 to 5, or N/A; the weight is how much a criterion counts."
    >
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-5" aria-label={scorecard ? "Edit scorecard" : "New scorecard"}>
        {error && (
          <div ref={errorRef} className="scroll-mt-4">
            <ErrorNotice message={error} />
          </div>
        )}
        <TextField label="Name" name="name" defaultValue={scorecard?.name} required maxLength={80} autoFocus placeholder="e.g. Support call quality" />
        {locked ? (
          <div>
            <h3 className="text-sm font-medium text-slate-700">Criteria</h3>
            <p className="mt-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {usedOn(scorecard.evaluations)}: its criteria are fixed so that the scores stay comparable. To change them, create a new scorecard.
            </p>
            <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
              {scorecard.criteria.map((c) => (
                <li key={c.id} className="flex items-start justify-between gap-3 px-3 py-2">
                  <span>
                    <span className="block font-medium text-slate-900">{c.label}</span>
                    {c.description && <span className="block text-slate-500">{c.description}</span>}
                  </span>
                  <span className="shrink-0 text-slate-500">Weight {c.weight}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <CriteriaEditor value={criteria} onChange={setCriteria} newDraft={draftOf} maxWeight={MAX_WEIGHT} />
        )}
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {scorecard ? "Save scorecard" : "Create scorecard"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
