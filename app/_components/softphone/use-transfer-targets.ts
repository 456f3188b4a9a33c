"use client";
import { useEffect, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";

export interface TargetOption {
  id: string;
  name: string;
  /** An agent's state, to pick someone free. */
  detail?: string;
}

interface AgentRow {
  userId: string;
  name: string;
  state: string;
}
interface Member {
  userId: string;
  name: string;
}

const STATE_LABEL: Record<string, string> = { available: "available", in_call: "in a call", after_call_work: "wrapping up", break: "on a break", ringing: "ringing", offline: "offline" };

/**
 * Queues and agents to transfer to. Agents come from the supervisor's list when this user may
 * read it, else from the members of the queues (an agent can see those).
 */
export function useTransferTargets(open: boolean, selfId: string) {
  const [queues, setQueues] = useState<TargetOption[]>([]);
  const [agents, setAgents] = useState<TargetOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setLoading(true);
    (async () => {
      const qs = await api<Array<{ id: string; name: string }>>("/queues");
      let people: TargetOption[];
      try {
        const rows = await api<AgentRow[]>("/agents");
        people = rows.map((a) => ({ id: a.userId, name: a.name, detail: STATE_LABEL[a.state] ?? a.state }));
      } catch {
        const lists = await Promise.all(qs.map((q) => api<Member[]>(`/queues/${q.id}/agents`).catch(() => [] as Member[])));
        const byId = new Map(lists.flat().map((m) => [m.userId, { id: m.userId, name: m.name }]));
        people = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
      }
      if (!live) return;
      setQueues(qs.map((q) => ({ id: q.id, name: q.name })));
      setAgents(people.filter((p) => p.id !== selfId));
      setError(null);
    })()
      .catch((e: unknown) => live && setError(`Could not load queues and agents: ${errorMessage(e)}`))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [open, selfId]);

  return { queues, agents, error, loading };
}
