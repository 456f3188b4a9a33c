"use client";
import { useCallback, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";
import type { TicketDraft } from "./ticket-fields";

export interface WrapUpDraft {
  dispositionId: string;
  notes: string;
  /** null until the agent touches the ticket part (its subject then defaults from the call). */
  ticket: TicketDraft | null;
}

export interface WrapUpHook {
  draft: WrapUpDraft;
  update: (patch: Partial<WrapUpDraft>) => void;
  busy: boolean;
  error: string | null;
  /** The wrap-up is saved (only a ticket that failed is left to send). */
  wrapped: boolean;
  finish: (ticket: TicketDraft) => Promise<void>;
}

interface Session {
  callId: string | null;
  draft: WrapUpDraft;
  wrapped: boolean;
  error: string | null;
}

const fresh = (callId: string | null): Session => ({ callId, draft: { dispositionId: "", notes: "", ticket: null }, wrapped: false, error: null });

/**
 * The wrap-up of `callId`, held by the softphone (not the form) so that what the agent typed
 * survives moving between pages until Finish. Finish: the wrap-up first (it makes the agent
 * Available), then the ticket if asked; when the ticket fails after the wrap-up saved, a retry
 * only sends the ticket.
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

  const { draft, wrapped } = session;
  const finish = useCallback(
    async (ticket: TicketDraft) => {
      if (!callId) return;
      setBusy(true);
      const set = (p: Partial<Session>) => setStored((cur) => ({ ...(cur.callId === callId ? cur : fresh(callId)), ...p }));
      set({ error: null });
      let saved = wrapped;
      try {
        if (!saved) {
          await api(`/calls/${callId}/wrap-up`, { method: "POST", body: { dispositionId: draft.dispositionId || null, notes: draft.notes } });
          saved = true;
          set({ wrapped: true });
        }
        if (ticket.open) {
          await api("/tickets", {
            method: "POST",
            body: { subject: ticket.subject.trim(), description: draft.notes || undefined, status: "open", priority: ticket.priority, contactId: contactId ?? undefined, callId },
          });
        }
        onDone(callId);
      } catch (e) {
        set({ error: saved ? `The wrap-up is saved, but the ticket was not created: ${errorMessage(e)}` : `Could not save the wrap-up: ${errorMessage(e)}` });
      } finally {
        setBusy(false);
      }
    },
    [callId, contactId, onDone, wrapped, draft],
  );

  return { draft, update, busy, error: session.error, wrapped, finish };
}
