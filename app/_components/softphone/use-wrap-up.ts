"use client";
import { useCallback, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";
import type { TicketDraft } from "./ticket-fields";
import { ASSIGNEE_NONE, ASSIGNEE_UNCHANGED, type TicketUpdateDraft } from "./ticket-update-fields";

export interface WrapUpDraft {
  dispositionId: string;
  notes: string;
  /** null until the agent touches the ticket part (its subject then defaults from the call). */
  ticket: TicketDraft | null;
  /** null until the agent opens "Update an open ticket". */
  ticketUpdate: TicketUpdateDraft | null;
}

/** What Finish sends about a ticket: a new one, one of the caller's open ones updated, or none. */
export type TicketAction = { kind: "none" } | { kind: "create"; draft: TicketDraft } | { kind: "update"; draft: TicketUpdateDraft };

export interface WrapUpHook {
  draft: WrapUpDraft;
  update: (patch: Partial<WrapUpDraft>) => void;
  busy: boolean;
  error: string | null;
  /** The wrap-up is saved. */
  wrapped: boolean;
  /** The ticket part is saved (a retry sends only the wrap-up). */
  ticketSent: boolean;
  finish: (ticket: TicketAction) => Promise<void>;
}

interface Session {
  callId: string | null;
  draft: WrapUpDraft;
  wrapped: boolean;
  ticketSent: boolean;
  error: string | null;
}

const fresh = (callId: string | null): Session => ({ callId, draft: { dispositionId: "", notes: "", ticket: null, ticketUpdate: null }, wrapped: false, ticketSent: false, error: null });

/**
 * The wrap-up of `callId`, held by the softphone (not the form) so that what the agent typed
 * survives moving between pages until Finish. Finish: the ticket first if asked (a new one, or
 * the notes added to one of the caller's open tickets with its status, priority and assignee
 * changed), then the wrap-up, which makes the agent Available and closes the form: so the form
 * is still there to show a ticket that failed. Once the ticket is saved, a retry sends only the
 * wrap-up.
 */
export function useWrapUp(callId: string | null, contactId: string | null, onDone: (callId: string) => void): WrapUpHook {
  const [stored, setStored] = useState<Session>(() => fresh(callId));
  const [busy, setBusy] = useState(false);
  const session = stored.callId === callId ? stored : fresh(callId);

  const update = useCallback(
    (patch: Partial<WrapUpDraft>) => setStored((cur) => {
      const base = cur.callId === callId ? cur : fresh(callId);
      return { ...base, draft: { ...base.draft, ...patch } };
    }),
    [callId],
  );

  const { draft, wrapped, ticketSent } = session;
  const finish = useCallback(
    async (ticket: TicketAction) => {
      if (!callId) return;
      setBusy(true);
      const set = (p: Partial<Session>) => setStored((cur) => ({ ...(cur.callId === callId ? cur : fresh(callId)), ...p }));
      set({ error: null });
      let sent = ticketSent;
      try {
        if (!sent && ticket.kind === "create") {
          await api("/tickets", {
            method: "POST",
            body: { subject: ticket.draft.subject.trim(), description: draft.notes || undefined, status: "open", priority: ticket.draft.priority, contactId: contactId ?? undefined, callId },
          });
        } else if (!sent && ticket.kind === "update") {
          await updateTicket(ticket.draft, callId, draft.notes);
        }
        if (ticket.kind !== "none" && !sent) {
          sent = true;
          set({ ticketSent: true });
        }
        if (!wrapped) {
          await api(`/calls/${callId}/wrap-up`, { method: "POST", body: { dispositionId: draft.dispositionId || null, notes: draft.notes } });
          set({ wrapped: true });
        }
        onDone(callId);
      } catch (e) {
        const what = ticket.kind === "update" ? "updated" : "created";
        set({ error: sent || ticket.kind === "none" ? `Could not save the wrap-up: ${errorMessage(e)}` : `The ticket was not ${what}: ${errorMessage(e)}. Try again, or untick it to finish without it.` });
      } finally {
        setBusy(false);
      }
    },
    [callId, contactId, onDone, wrapped, ticketSent, draft],
  );

  return { draft, update, busy, error: session.error, wrapped, ticketSent, finish };
}

/**
 * Adds the call's notes to an open ticket (the server appends them to what the ticket says then,
 * and links the call when the ticket has none) and sets its status, priority and assignee.
 */
async function updateTicket(d: TicketUpdateDraft, callId: string, notes: string) {
  await api(`/tickets/${d.ticketId}`, {
    method: "PATCH",
    body: {
      appendCallNotes: { callId, notes },
      status: d.status,
      priority: d.priority,
      ...(d.assigneeId === ASSIGNEE_UNCHANGED ? {} : { assigneeId: d.assigneeId === ASSIGNEE_NONE ? null : d.assigneeId }),
    },
  });
}
