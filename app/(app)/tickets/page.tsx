"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "../../_components/badge";
import { SelectField } from "../../_components/field";
import { PageHeader } from "../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../_components/states";
import { Table, td } from "../../_components/table";
import { formatDate } from "../../_lib/labels";
import { PRIORITY_TONE, STATUS_TONE, type Ticket } from "../../_lib/tickets";
import { useResource } from "../../_lib/use-resource";

export default function TicketsPage() {
  const [status, setStatus] = useState("open");
  const tickets = useResource<Ticket[]>(status ? `/tickets?status=${status}` : "/tickets");

  return (
    <>
      <PageHeader
        title="Tickets"
        description="Follow-ups from calls: what the caller needs, who owns it."
        actions={
          <SelectField label="Show" value={status} onChange={(e) => setStatus(e.target.value)} className="w-40">
            <option value="open">Open</option>
            <option value="pending">Pending</option>
            <option value="closed">Closed</option>
            <option value="">All</option>
          </SelectField>
        }
      />
      {tickets.error && <ErrorNotice message={tickets.error} onRetry={() => void tickets.reload()} />}
      {!tickets.data && tickets.loading && <Loading />}
      {tickets.data?.length === 0 && <EmptyState title="No tickets here">Agents create tickets in the wrap-up of a call.</EmptyState>}
      {tickets.data && tickets.data.length > 0 && (
        <Table label="Tickets" head={["Subject", "Contact", "Assignee", "Priority", "Status", "Changed"]}>
          {tickets.data.map((t) => (
            <tr key={t.id}>
              <td className={td}>
                <Link href={`/tickets/${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.subject}
                </Link>
              </td>
              <td className={td}>{t.contact?.name ?? "—"}</td>
              <td className={td}>{t.assignee?.name ?? "Unassigned"}</td>
              <td className={td}>
                <Badge tone={PRIORITY_TONE[t.priority]}>{t.priority}</Badge>
              </td>
              <td className={td}>
                <Badge tone={STATUS_TONE[t.status]}>{t.status}</Badge>
              </td>
              <td className={`${td} text-slate-500`}>{formatDate(t.updatedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
