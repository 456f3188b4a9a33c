"use client";
import { useCallback, useEffect, useState } from "react";
import type { AgentState } from "@/app/_components/softphone/types";

export type WorkspaceView = { kind: "idle" } | { kind: "call"; callId: string } | { kind: "wrap"; callId: string; warning: string | null };

/**
 * Which screen the softphone shows. The server's agent state leads (it survives a reload); the
 * tab adds what it knows first: the call it just answered, a hang-up that failed, a wrap-up it
 * already finished (until the `agent:state` push catches up). The softphone turns a call whose record
 * says ended into its wrap-up.
 */
export function useWorkspace(state: AgentState | null) {
  const [answered, setAnswered] = useState<string | null>(null);
  const [forcedWrap, setForcedWrap] = useState<{ callId: string; warning: string } | null>(null);
  const [finished, setFinished] = useState<ReadonlySet<string>>(new Set());
  // The call the server has confirmed this agent is in: once it says otherwise (a consult they
  // joined and left, with no wrap-up), the tab's own memory of answering it no longer counts.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  useEffect(() => {
    if (state?.state === "in_call" && state.callId) setConfirmed(state.callId);
  }, [state]);

  const live = (id: string | null | undefined): id is string => !!id && !finished.has(id);
  let view: WorkspaceView = { kind: "idle" };
  if (forcedWrap && live(forcedWrap.callId)) view = { kind: "wrap", ...forcedWrap };
  else if (state?.state === "in_call" && live(state.callId)) view = { kind: "call", callId: state.callId };
  else if (state?.state === "after_call_work" && live(state.callId)) view = { kind: "wrap", callId: state.callId, warning: null };
  else if (live(answered) && state?.state !== "after_call_work" && confirmed !== answered) view = { kind: "call", callId: answered };

  const finish = useCallback((callId: string) => {
    setFinished((s) => new Set(s).add(callId));
    setAnswered(null);
    setForcedWrap(null);
  }, []);

  return { view, setAnswered, forceWrap: setForcedWrap, finish };
}
