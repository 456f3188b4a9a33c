"use client";
import { useId, useRef } from "react";
import { Button } from "./button";
import { SelectField, TextField } from "./field";

export interface CriterionDraft {
  key: string;
  label: string;
  description: string;
  weight: number;
  /** Added by the user in this dialog: its field takes the focus. */
  added?: boolean;
}

const MAX_CRITERIA = 30;

/** A scorecard's criteria as an editable list: label, optional description and weight each; at least one. */
export function CriteriaEditor({ value, onChange, newDraft, maxWeight }: { value: CriterionDraft[]; onChange: (v: CriterionDraft[]) => void; newDraft: () => CriterionDraft; maxWeight: number }) {
  const hintId = useId();
  const addRef = useRef<HTMLDivElement>(null);
  const set = (key: string, patch: Partial<CriterionDraft>) => onChange(value.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const remove = (key: string) => {
    onChange(value.filter((c) => c.key !== key));
    addRef.current?.querySelector("button")?.focus();
  };
  const only = value.length === 1;

  return (
    <fieldset aria-describedby={hintId}>
      <legend className="text-sm font-medium text-slate-700">Criteria</legend>
      <p id={hintId} className="mt-0.5 text-xs text-slate-500">
        What a supervisor checks on a call. A criterion of weight 3 counts three times as much as one of weight 1.
      </p>
      <ol className="mt-3 space-y-3">
        {value.map((c, i) => (
          <li key={c.key} role="group" aria-label={`Criterion ${i + 1}`} className="rounded-md border border-slate-200 bg-slate-50/60 p-3">
            <div className="flex items-center justify-between gap-3">
              <span aria-hidden className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                Criterion {i + 1}
              </span>
              <Button
                variant="ghost-danger"
                size="sm"
                aria-label={`Remove criterion ${i + 1}`}
                disabled={only}
                title={only ? "A scorecard needs at least one criterion" : undefined}
                onClick={() => remove(c.key)}
              >
                Remove
              </Button>
            </div>
            <div className="mt-1 grid grid-cols-[1fr_5.5rem] gap-3">
              <TextField label="Criterion" value={c.label} onChange={(e) => set(c.key, { label: e.target.value })} required maxLength={120} autoFocus={c.added} placeholder="e.g. Greets the caller by name" />
              <SelectField label="Weight" value={c.weight} onChange={(e) => set(c.key, { weight: Number(e.target.value) })}>
                {Array.from({ length: maxWeight }, (_, w) => (
                  <option key={w + 1} value={w + 1}>
                    {w + 1}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextField
              label="Description (optional)"
              className="mt-3"
              value={c.description}
              onChange={(e) => set(c.key, { description: e.target.value })}
              maxLength={500}
              placeholder="What a good score looks like"
            />
          </li>
        ))}
      </ol>
      <div ref={addRef} className="mt-3">
        <Button variant="secondary" size="sm" disabled={value.length >= MAX_CRITERIA} onClick={() => onChange([...value, { ...newDraft(), added: true }])}>
          Add criterion
        </Button>
      </div>
    </fieldset>
  );
}
