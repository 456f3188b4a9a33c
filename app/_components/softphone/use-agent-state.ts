"use client";
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";
import { appSocket, emitVerb } from "@/app/_lib/socket";
import { useTenantEvent } from "@/app/_lib/use-tenant-event";
import type { AgentState } from "./types";

export type ChosenState = "available" | "break" | "offline";

export interface AgentStateHook {
  state: AgentState | null;
  error: string | null;
  busy: boolean;
  change: (state: ChosenState, reason?: string) => Promise<void>;
  reload: () => Promise<void>;
}

/** Newer wins: a push and a REST answer can cross on the wire. */
const newer = (cur: AgentState | null, next: AgentState) => (!cur || Date.parse(next.since) >= Date.parse(cur.since) ? next : cur);

/** The signed-in agent's state: loaded over REST, kept live by `agent:state` pushes, changed over Socket.IO. */
export function useAgentState(userId: string): AgentStateHook {
  const [state, setState] = useState<AgentState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const s = await api<AgentState>("/agents/me/state");
      setState((cur) => newer(cur, s)); // a change made while this GET was on the wire wins
      setError(null);
    } catch (e) {
      setError(`Could not load your status: ${errorMessage(e)}`);
    }
  }, []);

  useEffect(() => {
    void reload();
    // After a reconnect, pushes may have been missed.
    const s = appSocket();
    const onConnect = () => void reload();
    s.on("connect", onConnect);
    return () => {
      s.off("connect", onConnect);
    };
  }, [reload]);

  useTenantEvent("agent:state", (next) => {
    if (next.userId === userId) setState((cur) => newer(cur, next));
  });

  const change = useCallback(async (next: ChosenState, reason?: string) => {
    setBusy(true);
    setError(null);
    try {
      const s = await emitVerb("agent:set-state", reason ? { state: next, reason } : { state: next });
      setState((cur) => newer(cur, s));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  return { state, error, busy, change, reload };
}
