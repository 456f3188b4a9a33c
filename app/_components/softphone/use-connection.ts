"use client";
import { useEffect, useState } from "react";
import { appSocket } from "@/app/_lib/socket";

/** Whether this tab's Socket.IO connection is up (offers only reach a connected tab). */
export function useConnection(): "connecting" | "online" | "offline" {
  const [state, setState] = useState<"connecting" | "online" | "offline">("connecting");
  useEffect(() => {
    const s = appSocket();
    setState(s.connected ? "online" : "connecting");
    const up = () => setState("online");
    const down = () => setState("offline");
    s.on("connect", up);
    s.on("disconnect", down);
    s.on("connect_error", down);
    return () => {
      s.off("connect", up);
      s.off("disconnect", down);
      s.off("connect_error", down);
    };
  }, []);
  return state;
}
