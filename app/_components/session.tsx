"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Me } from "../_lib/types";

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user and tenant; only inside the app shell. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession() outside the app shell");
  return me;
}
