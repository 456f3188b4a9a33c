"use client";
import { createContext, useContext, type ReactNode } from "react";
import { type SoftphoneState, useSoftphoneState } from "./use-softphone-state";

const SoftphoneContext = createContext<SoftphoneState | null>(null);

/**
 * The agent's softphone, mounted once in the app shell: the signed-in layout persists across
 * client-side navigation, so offers keep ringing and a call keeps its audio on every page.
 */
export function SoftphoneProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const softphone = useSoftphoneState(userId);
  return <SoftphoneContext.Provider value={softphone}>{children}</SoftphoneContext.Provider>;
}

/** The softphone's state and actions; only inside the app shell. */
export function useSoftphone(): SoftphoneState {
  const softphone = useContext(SoftphoneContext);
  if (!softphone) throw new Error("useSoftphone() outside the app shell");
  return softphone;
}
