"use client";
import { useEffect, useRef } from "react";
import { type Socket, io } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/realtime/events";

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let shared: AppSocket | null = null;

/** One Socket.IO connection per tab, authenticated by the session cookie. */
function socket(): AppSocket {
  shared ??= io({ path: "/socket.io", transports: ["websocket"], withCredentials: true });
  return shared;
}

/** Calls `handler` on each event the server pushes to this tenant's room. */
export function useTenantEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const s = socket();
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: typeof args) => void)(...args)) as never;
    s.on(event, listener);
    return () => {
      s.off(event, listener);
    };
  }, [event]);
}
