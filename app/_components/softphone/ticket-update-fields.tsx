"use client";
import { useResource } from "@/app/_lib/use-resource";
import { SelectField } from "../field";
import { TICKET_PRIORITIES, type TicketPriority } from "./ticket-fields";
import type { OpenTicket } from "./use-caller-lookup";

export const TICKET_STATUSES = ["open", "pending", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** The assignee select's values besides a user id. */
export const ASSIGNEE_UNCHANGED = "";
export const ASSIGNEE_NONE = "none";

export interface TicketUpdateDraft {
  open: boolean;
  ticketId: string;
  status: TicketStatus;
  priority: TicketPriority;
  /** A user id, ASSIGNEE_UNCHANGED or ASSIGNEE_NONE. */
  assigneeId: string;
}

const label = (s: string) => (s[0]?.toUpperCase() ?? "") + s.slice(1);
const asStatus = (s: string): TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s) ? (s as TicketStatus) : "open";
const asPriority = (p: string): TicketPriority => (TICKET_PRIORITIES as readonly string[]).includes(p) ? (p as TicketPriority) : "normal";

/** A fresh draft on `t`: its status and priority as they are now. */
export const draftFor = (t: OpenTicket | undefined, open: boolean): TicketUpdateDraft => ({
  open,
  ticketId: t?.id ?? "",
  status: asStatus(t?.status ?? "open"),
  priority: asPriority(t?.priority ?? "normal"),
  assigneeId: ASSIGNEE_UNCHANGED,
});

/** The "Update an open ticket" part of the wrap-up: one of the caller's open tickets, its status, priority and assignee. */
export function TicketUpdateFields({ draft, tickets, onChange, disabled }: { draft: TicketUpdateDraft; tickets: OpenTicket[]; onChange: (d: TicketUpdateDraft) => void; disabled?: boolean }) {
  const agents = useResource<Array<{ userId: string; name: string }>>(draft.open ? "/agents" : null);
  return (
    <fieldset className="rounded-md border border-slate-200 p-4" disabled={disabled}>
      <legend className="px-1 text-sm font-medium text-slate-700">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={draft.open} onChange={(e) => onChange({ ...draft, open: e.target.checked })} className="size-4 rounded border-slate-300 accent-brand-600" />
          Update an open ticket
        </label>
      </legend>
      {draft.open ? (
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          <SelectField
            label="Ticket to update"
            className="sm:col-span-3"
            value={draft.ticketId}
            onChange={(e) => onChange(draftFor(tickets.find((t) => t.id === e.target.value), true))}
            hint="The call's notes are added to the ticket, with the call's date and id."
          >
            {tickets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.subject}
              </option>
            ))}
          </SelectField>
          <SelectField label="Ticket status" value={draft.status} onChange={(e) => onChange({ ...draft, status: asStatus(e.target.value) })}>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Ticket priority" value={draft.priority} onChange={(e) => onChange({ ...draft, priority: asPriority(e.target.value) })}>
            {TICKET_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {label(p)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Assignee" value={draft.assigneeId} onChange={(e) => onChange({ ...draft, assigneeId: e.target.value })}>
            <option value={ASSIGNEE_UNCHANGED}>Unchanged</option>
            <option value={ASSIGNEE_NONE}>Unassigned</option>
            {(agents.data ?? []).map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : (
        <p className="text-xs text-slate-500">The caller has {tickets.length === 1 ? "an open ticket" : `${tickets.length} open tickets`}: add this call to one instead of opening another.</p>
      )}
    </fieldset>
  );
}
