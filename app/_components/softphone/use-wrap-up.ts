"use client";
import { useCallback, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";
import type { TicketDraft } from "./ticket-fields";

export interface WrapUpValues {
  dispositionId: string | null;
  notes: string;
  ticket: TicketDraft;
}

/**
 * Finish: the wrap-up first (it makes the agent Available), then the ticket if asked. When the
 * ticket fails after the wrap-up saved, a retry only sends the ticket.
 */
export function useWrapUp(callId: string, contactId: string | null, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wrapped, setWrapped] = useState(false);

  const finish = useCallback(
    async (v: WrapUpValues) => {
      setBusy(true);
      setError(null);
      let saved = wrapped;
      try {
        if (!saved) {
          await api(`/calls/${callId}/wrap-up`, { method: "POST", body: { dispositionId: v.dispositionId, notes: v.notes } });
          saved = true;
          setWrapped(true);
        }
        if (v.ticket.open) {
          await api("/tickets", {
            method: "POST",
            body: { subject: v.ticket.subject.trim(), description: v.notes || undefined, status: "open", priority: v.ticket.priority, contactId: contactId ?? undefined, callId },
          });
        }
        onDone();
      } catch (e) {
        setError(saved ? `The wrap-up is saved, but the ticket was not created: ${errorMessage(e)}` : `Could not save the wrap-up: ${errorMessage(e)}`);
      } finally {
        setBusy(false);
      }
    },
    [callId, contactId, onDone, wrapped],
  );

  return { busy, error, wrapped, finish };
}
