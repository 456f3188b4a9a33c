"use client";
import { useEffect, useRef } from "react";
import type { ServerToClientEvents } from "@/server/realtime/events";
import { appSocket } from "./socket";

/** Calls `handler` on each event the server pushes to this tab (tenant room or the user's own). */
export function useTenantEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const s = appSocket();
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: typeof args) => void)(...args)) as never;
    s.on(event, listener);
    return () => {
      s.off(event, listener);
    };
  }, [event]);
}
