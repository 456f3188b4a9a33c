"use client";
import { useState, type FormEvent } from "react";
import { api, errorMessage } from "../_lib/api";
import { roleLabel } from "../_lib/labels";
import type { QueueMember, User } from "../_lib/types";
import { useResource } from "../_lib/use-resource";
import { Button } from "./button";
import { Card } from "./card";
import { SelectField } from "./field";
import { ErrorNotice, Loading } from "./states";

/** The agents of one queue: list, add, remove. */
export function QueueMembers({ queueId, users, onChange }: { queueId: string; users: User[]; onChange: () => void }) {
  const members = useResource<QueueMember[]>(`/queues/${queueId}/agents`);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const memberIds = new Set(members.data?.map((m) => m.userId));
  const candidates = users.filter((u) => !memberIds.has(u.id) && u.status !== "disabled");

  const change = async (key: string, method: "POST" | "DELETE", userId: string) => {
    setBusy(key);
    setError(null);
    try {
      await api(`/queues/${queueId}/agents`, { method, body: { userId } });
      await members.reload();
      onChange();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const userId = String(new FormData(e.currentTarget).get("userId") ?? "");
    if (userId) void change("add", "POST", userId);
  };

  return (
    <Card title="Agents" description="Calls in this queue are offered to these people.">
      <div className="space-y-4">
        {(error ?? members.error) && <ErrorNotice message={error ?? members.error ?? ""} />}
        <form onSubmit={add} className="flex items-end gap-2" aria-label="Add agent">
          <SelectField label="Agent" name="userId" className="min-w-0 flex-1" disabled={candidates.length === 0}>
            {candidates.length === 0 && <option value="">Everyone is already in this queue</option>}
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({roleLabel(u.role)})
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={busy === "add"} disabled={candidates.length === 0}>
            Add agent
          </Button>
        </form>
        {!members.data && members.loading && <Loading />}
        {members.data?.length === 0 && <p className="rounded-md bg-slate-50 px-3 py-4 text-center text-sm text-slate-500">No agents in this queue yet.</p>}
        {members.data && members.data.length > 0 && (
          <ul aria-label="Queue agents" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {members.data.map((m) => (
              <li key={m.userId} className="flex items-center justify-between gap-3 px-3 py-2.5">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{m.name}</p>
                  <p className="truncate text-xs text-slate-500">{m.email}</p>
                </div>
                <Button variant="ghost-danger" size="sm" busy={busy === m.userId} onClick={() => void change(m.userId, "DELETE", m.userId)} aria-label={`Remove ${m.name}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
