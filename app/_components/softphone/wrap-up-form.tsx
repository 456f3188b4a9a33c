"use client";
import { useId, type FormEvent } from "react";
import { Button } from "../button";
import { SelectField, TextArea } from "../field";
import { ErrorNotice } from "../states";
import { formatClock, formatPhone } from "./format";
import { TicketFields, type TicketDraft } from "./ticket-fields";
import { TicketUpdateFields, type TicketUpdateDraft, draftFor } from "./ticket-update-fields";
import { type CallView, otherParty } from "./use-call-record";
import type { OpenTicket } from "./use-caller-lookup";
import { useDispositions } from "./use-dispositions";
import { useNow } from "./use-now";
import type { WrapUpHook } from "./use-wrap-up";

interface Props {
  call: CallView | null;
  /** The draft and Finish, kept by the softphone so they outlive this form. */
  wrap: WrapUpHook;
  /** Shown on top, for example when the hang-up did not go through. */
  warning?: string | null;
  /** When the server ends after-call work by itself (the agent is Available again then). */
  until?: string | null;
  /** The caller's open tickets (from the screen pop): the call can update one instead of creating one. */
  openTickets?: OpenTicket[];
}

/** After-call work: a form named "Wrap-up" with Disposition, Notes, an optional ticket (new or updated), and Finish. */
export function WrapUpForm({ call, wrap, warning, until, openTickets = [] }: Props) {
  const titleId = useId();
  const { dispositions, loading, error: listError } = useDispositions();
  const { busy, error, wrapped, finish, draft, update } = wrap;
  const { dispositionId, notes } = draft;
  const ticket: TicketDraft = draft.ticket ?? { open: false, subject: call ? `Call with ${formatPhone(otherParty(call))}` : "Follow-up", priority: "normal" };
  const chosen = draft.ticketUpdate && openTickets.some((t) => t.id === draft.ticketUpdate?.ticketId) ? draft.ticketUpdate : null;
  const ticketUpdate: TicketUpdateDraft = chosen ?? draftFor(openTickets[0], false);
  const updating = ticketUpdate.open && openTickets.length > 0;
  const now = useNow(1000, !!until);
  const left = until ? Math.ceil((Date.parse(until) - now) / 1000) : null;
  const talk = call?.answeredAt && call.endedAt ? (Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000 : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (updating) void finish({ kind: "update", draft: ticketUpdate });
    else void finish(ticket.open ? { kind: "create", draft: ticket } : { kind: "none" });
  };

  return (
    <form aria-labelledby={titleId} onSubmit={submit} className="space-y-4">
      <div>
        <h3 id={titleId} className="text-base font-semibold text-slate-900">
          Wrap-up
        </h3>
        <p className="text-sm text-slate-500">
          {call ? `Call with ${formatPhone(otherParty(call))}` : "The call"} {call && call.state !== "ended" ? "was handed over" : "ended"}{talk !== null ? ` after ${formatClock(talk)}` : ""}. No calls are offered until you finish.
        </p>
        {left !== null && left > 0 && <p className="text-xs tabular-nums text-slate-500">After-call work ends by itself in {formatClock(left)}.</p>}
      </div>
      {warning && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {warning}
        </p>
      )}
      <SelectField label="Disposition" value={dispositionId} onChange={(e) => update({ dispositionId: e.target.value })} disabled={wrapped} hint={listError ?? (!loading && dispositions.length === 0 ? "No dispositions are set up yet." : undefined)}>
        <option value="">{loading ? "Loading…" : "No disposition"}</option>
        {dispositions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextArea label="Notes" value={notes} onChange={(e) => update({ notes: e.target.value })} maxLength={5000} rows={4} disabled={wrapped} placeholder="What was the call about? What was promised?" />
      {wrap.ticketSent ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          The ticket is saved.
        </p>
      ) : (
        <>
          {/* Create and update exclude each other: opening one closes the other. */}
          <TicketFields draft={{ ...ticket, open: ticket.open && !updating }} onChange={(t) => update(t.open ? { ticket: t, ticketUpdate: { ...ticketUpdate, open: false } } : { ticket: t })} />
          {openTickets.length > 0 && <TicketUpdateFields draft={ticketUpdate} tickets={openTickets} onChange={(u) => update(u.open ? { ticketUpdate: u, ticket: { ...ticket, open: false } } : { ticketUpdate: u })} />}
        </>
      )}
      {error && <ErrorNotice message={error} />}
      <Button type="submit" busy={busy} className="w-full">
        Finish
      </Button>
    </form>
  );
}
