"use client";
import { useEffect, useState } from "react";
import { api } from "@/app/_lib/api";

export interface Contact {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  tier: "standard" | "vip" | string;
  notes: string | null;
}
export interface PastCall {
  id: string;
  startedAt: string;
  agent?: { name: string } | null;
  agentName?: string | null;
  disposition?: { name: string } | string | null;
}
export interface OpenTicket {
  id: string;
  subject: string;
  status: string;
  priority: string;
  createdAt?: string;
}
/** The tenant's CRM record of the number (its contact.lookup webhook's answer). */
export interface CrmRecord {
  name?: string;
  company?: string;
  notes?: string;
  url?: string;
}
export interface CallerLookup {
  contact: Contact | null;
  pastCalls: PastCall[];
  openTickets: OpenTicket[];
  crm: CrmRecord | null;
}

export type LookupState = { status: "idle" } | { status: "loading" } | { status: "failed" } | { status: "ready"; data: CallerLookup };

/** The screen pop's data for a caller's number (the contact, past calls, open tickets). */
export function useCallerLookup(phone: string | null): LookupState {
  const [state, setState] = useState<LookupState>({ status: "idle" });
  useEffect(() => {
    if (!phone) {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    setState({ status: "loading" });
    api<Partial<CallerLookup>>(`/contacts/lookup?phone=${encodeURIComponent(phone)}`).then(
      (r) => live && setState({ status: "ready", data: { contact: r.contact ?? null, pastCalls: r.pastCalls ?? [], openTickets: r.openTickets ?? [], crm: r.crm ?? null } }),
      () => live && setState({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [phone]);
  return state;
}
