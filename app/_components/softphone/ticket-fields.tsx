"use client";
import { SelectField, TextField } from "../field";

export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export interface TicketDraft {
  open: boolean;
  subject: string;
  priority: TicketPriority;
}

/** The optional "Create a ticket" part of the wrap-up. */
export function TicketFields({ draft, onChange, disabled }: { draft: TicketDraft; onChange: (d: TicketDraft) => void; disabled?: boolean }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-4" disabled={disabled}>
      <legend className="px-1 text-sm font-medium text-slate-700">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={draft.open} onChange={(e) => onChange({ ...draft, open: e.target.checked })} className="size-4 rounded border-slate-300 accent-brand-600" />
          Create a ticket
        </label>
      </legend>
      {draft.open ? (
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          <TextField label="Subject" className="sm:col-span-2" value={draft.subject} onChange={(e) => onChange({ ...draft, subject: e.target.value })} required maxLength={200} />
          <SelectField label="Priority" value={draft.priority} onChange={(e) => onChange({ ...draft, priority: e.target.value as TicketPriority })}>
            {TICKET_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p[0]?.toUpperCase() + p.slice(1)}
              </option>
            ))}
          </SelectField>
        </div>
      ) : (
        <p className="text-xs text-slate-500">Follow up later: the ticket carries the notes and links to this call and caller.</p>
      )}
    </fieldset>
  );
}
