"use client";
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";
import { useTenantEvent } from "@/app/_lib/use-tenant-event";
import type { CallRecord, LiveCall } from "./types";

/** What the workspace shows of a call: the REST record, kept live by `call:updated` pushes. */
export type CallView = Pick<CallRecord, "id" | "direction" | "fromNumber" | "toNumber" | "state" | "answeredAt" | "endedAt" | "endReason" | "held"> & {
  queueName: string | null;
  /** The call's agent (another agent while this one is consulted on it). */
  agentId: string | null;
};

/** The number at the other end: the caller, or whom the agent dialled. */
export const otherParty = (c: Pick<CallView, "direction" | "fromNumber" | "toNumber">) => (c.direction === "outbound" ? c.toNumber : c.fromNumber);

export interface CallRecordHook {
  call: CallView | null;
  error: string | null;
  patch: (p: Partial<CallView>) => void;
}

export function useCallRecord(callId: string | null): CallRecordHook {
  const [call, setCall] = useState<CallView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setCall((cur) => (cur?.id === callId ? cur : null));
    setError(null);
    if (!callId) return;
    let live = true;
    api<CallRecord>(`/calls/${callId}`).then(
      (r) => live && setCall((cur) => ({ ...r, queueName: r.queue?.name ?? null, agentId: r.agent?.id ?? null, ...(cur?.id === r.id ? pickLive(cur) : {}) })),
      (e: unknown) => live && setError(`Could not load the call: ${errorMessage(e)}`),
    );
    return () => {
      live = false;
    };
  }, [callId]);

  useTenantEvent("call:updated", (u: LiveCall) => {
    if (u.id !== callId) return;
    setCall((cur) => ({ queueName: cur?.queueName ?? null, ...u }));
  });

  const patch = useCallback((p: Partial<CallView>) => setCall((cur) => (cur ? { ...cur, ...p } : cur)), []);
  return { call, error, patch };
}

/** A push that came before the REST answer is newer: keep its live fields. */
const pickLive = (c: CallView): Partial<CallView> => ({ state: c.state, held: c.held, answeredAt: c.answeredAt, endedAt: c.endedAt, endReason: c.endReason, agentId: c.agentId });
