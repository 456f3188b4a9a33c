"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { SelectField, TextArea, TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { ErrorNotice, Loading } from "../../../_components/states";
import { api, errorMessage } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import { useResource } from "../../../_lib/use-resource";
import type { Ticket } from "../../../_lib/tickets";

export default function TicketPage() {
  const { id } = useParams<{ id: string }>();
  const ticket = useResource<Ticket>(`/tickets/${id}`);
  const agents = useResource<Array<{ userId: string; name: string }>>("/agents");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const t = ticket.data;
  // The current assignee stays choosable even when not (or not yet) in the active-user list.
  const people = [...(agents.data ?? [])];
  if (t?.assignee && !people.some((a) => a.userId === t.assignee?.id)) people.push({ userId: t.assignee.id, name: t.assignee.name });

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api(`/tickets/${id}`, {
        method: "PATCH",
        body: { subject: String(f.get("subject")), description: String(f.get("description")), status: f.get("status"), priority: f.get("priority"), assigneeId: f.get("assigneeId") || null },
      });
      await ticket.reload();
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t?.subject ?? "Ticket"} description={t ? `Opened ${formatDate(t.createdAt)}${t.contact ? ` for ${t.contact.name}` : ""}` : undefined} />
      {ticket.error && <ErrorNotice message={ticket.error} onRetry={() => void ticket.reload()} />}
      {!t && ticket.loading && <Loading />}
      {t && (
        <Card title="Details">
          <form key={`${t.updatedAt}:${agents.data ? "people" : "-"}`} onSubmit={(e) => void save(e)} className="max-w-2xl space-y-4">
            {error && <ErrorNotice message={error} />}
            <TextField label="Subject" name="subject" defaultValue={t.subject} required maxLength={200} />
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField label="Status" name="status" defaultValue={t.status}>
                <option value="open">Open</option>
                <option value="pending">Pending</option>
                <option value="closed">Closed</option>
              </SelectField>
              <SelectField label="Priority" name="priority" defaultValue={t.priority}>
                <option value="low">Low</option>
                <option value="normal">Normal</option>
                <option value="high">High</option>
                <option value="urgent">Urgent</option>
              </SelectField>
              <SelectField label="Assignee" name="assigneeId" defaultValue={t.assignee?.id ?? ""}>
                <option value="">Unassigned</option>
                {people.map((a) => (
                  <option key={a.userId} value={a.userId}>
                    {a.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextArea label="Description" name="description" defaultValue={t.description} rows={6} maxLength={10000} />
            {t.callId && (
              <p className="text-sm text-slate-600">
                From{" "}
                <Link href={`/calls/${t.callId}`} className="text-brand-700 hover:underline">
                  this call
                </Link>
                .
              </p>
            )}
            <div className="flex items-center gap-3">
              <Button type="submit" busy={busy}>
                Save ticket
              </Button>
              {saved && (
                <span role="status" className="text-sm text-emerald-700">
                  Saved
                </span>
              )}
            </div>
          </form>
        </Card>
      )}
    </>
  );
}
