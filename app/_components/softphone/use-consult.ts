"use client";
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "@/app/_lib/api";
import { emitVerb } from "@/app/_lib/socket";
import { useTenantEvent } from "@/app/_lib/use-tenant-event";

export interface ConsultView {
  state: "ringing" | "talking" | "conference";
  party: string;
}

export interface ConsultHook {
  consult: ConsultView | null;
  /** Why the last consult ended without a transfer ("Bo Agent declined"), until dismissed. */
  notice: string | null;
  busy: "complete" | "cancel" | "conference" | null;
  error: string | null;
  complete(): Promise<void>;
  cancel(): Promise<void>;
  conference(): Promise<void>;
}

const ENDED: Record<string, (party: string) => string> = {
  declined: (p) => `${p} declined the call. You are back with the caller.`,
  missed: (p) => `${p} did not answer. You are back with the caller.`,
  cancelled: () => "Transfer cancelled. You are back with the caller.",
  party_hung_up: (p) => `${p} hung up. You are back with the caller.`,
  busy: (p) => `${p} is busy. You are back with the caller.`,
  no_answer: (p) => `${p} did not answer. You are back with the caller.`,
};

/** A warm transfer of this call in progress (pushed as `call:consult`) and its three outcomes. */
export function useConsult(callId: string | null): ConsultHook {
  const [consult, setConsult] = useState<ConsultView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<ConsultHook["busy"]>(null);
  const [error, setError] = useState<string | null>(null);
  // The softphone outlives its calls: each call starts with no consult and no notice.
  useEffect(() => {
    setConsult(null);
    setNotice(null);
    setError(null);
  }, [callId]);

  useTenantEvent("call:consult", (e) => {
    if (e.callId !== callId) return;
    if (e.state === "ended") {
      setConsult(null);
      setNotice(e.reason === "completed" ? null : (ENDED[e.reason ?? ""] ?? ((p: string) => `The call with ${p} ended. You are back with the caller.`))(e.party));
    } else {
      setConsult({ state: e.state, party: e.party });
      setNotice(null);
    }
    setError(null);
  });

  const run = useCallback(
    async (what: NonNullable<ConsultHook["busy"]>) => {
      if (!callId) return;
      setBusy(what);
      setError(null);
      try {
        if (what === "complete") await emitVerb("call:consult-complete", { callId });
        else if (what === "cancel") await emitVerb("call:consult-cancel", { callId });
        else await emitVerb("call:conference", { callId });
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(null);
      }
    },
    [callId],
  );

  return {
    consult,
    notice,
    busy,
    error,
    complete: () => run("complete"),
    cancel: () => run("cancel"),
    conference: () => run("conference"),
  };
}
