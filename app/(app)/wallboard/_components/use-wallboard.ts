"use client";
import { useEffect, useMemo, useRef } from "react";
import type { QueueFigures } from "@/server/services/wallboard/figures";
import { useResource } from "../../../_lib/use-resource";
import { useTenantEvent } from "../../../_lib/use-tenant-event";

export type { QueueFigures };
export interface Wallboard {
  generatedAt: string;
  windowHours: number;
  queues: QueueFigures[];
}
export interface AgentRow {
  userId: string;
  name: string;
  role: string;
  state: "available" | "break" | "offline" | "ringing" | "in_call" | "after_call_work";
  reason: string | null;
  since: string;
  callId: string | null;
}

/** Coalesces a burst of pushes into one reload a quarter second later. */
function useSoon(fn: () => void, ms = 250) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  };
}

/**
 * The wallboard's data: the figures and the agents, reloaded when the server pushes a change of
 * a call or an agent (supervisors get every one), every 30 s for the sliding 24 h window, and when
 * a queue's longest-wait alert is due to start.
 */
export function useWallboard() {
  const board = useResource<Wallboard>("/wallboard");
  const agents = useResource<AgentRow[]>("/agents");
  const reloadBoard = useSoon(() => void board.reload());
  const reloadAgents = useSoon(() => void agents.reload());
  useTenantEvent("call:updated", reloadBoard);
  useTenantEvent("agent:state", () => {
    reloadBoard();
    reloadAgents();
  });
  const { reload: boardReload } = board;
  const { reload: agentsReload } = agents;
  useEffect(() => {
    const t = setInterval(() => {
      void boardReload();
      void agentsReload();
    }, 30_000);
    return () => clearInterval(t);
  }, [boardReload, agentsReload]);
  // A caller's wait crosses a queue's threshold with no event to push: look again at that moment,
  // timed on the server's clock (generatedAt) so a browser clock that is off does not matter.
  const nextAlertIn = useMemo(() => {
    const data = board.data;
    if (!data) return null;
    const at = data.queues.flatMap((q) => (q.nextAlertAt ? [Date.parse(q.nextAlertAt)] : []));
    return at.length > 0 ? Math.max(0, Math.min(...at) - Date.parse(data.generatedAt)) : null;
  }, [board.data]);
  useEffect(() => {
    if (nextAlertIn === null) return;
    const t = setTimeout(() => void boardReload(), nextAlertIn + 250);
    return () => clearTimeout(t);
  }, [nextAlertIn, boardReload, board.data]);
  return { board, agents };
}
