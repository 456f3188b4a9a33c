"use client";
import Link from "next/link";
import { Badge } from "../../_components/badge";
import { PageHeader } from "../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../_components/states";
import { Table, td } from "../../_components/table";
import { CALL_STATE, duration, endReasonLabel } from "../../_lib/call-labels";
import { formatDate } from "../../_lib/labels";
import type { CallSummary } from "../../_lib/types";
import { useResource } from "../../_lib/use-resource";
import { useTenantEvent } from "../../_lib/use-tenant-event";

export default function CallsPage() {
  const calls = useResource<CallSummary[]>("/calls?limit=100");
  useTenantEvent("call:updated", () => void calls.reload());

  return (
    <>
      <PageHeader title="Calls" description="Every call, newest first, live as it happens." />
      {calls.error && <ErrorNotice message={calls.error} onRetry={() => void calls.reload()} />}
      {!calls.data && calls.loading && <Loading />}
      {calls.data?.length === 0 && <EmptyState title="No calls yet">Calls to your numbers show up here the moment they ring.</EmptyState>}
      {calls.data && calls.data.length > 0 && (
        <Table label="Calls" head={["Started", "From", "To", "Queue", "Agent", "State", "Duration", "Outcome"]}>
          {calls.data.map((c) => (
            <tr key={c.id}>
              <td className={`${td} whitespace-nowrap`}>
                <Link href={`/calls/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatDate(c.startedAt)}
                </Link>
              </td>
              <td className={`${td} font-mono`}>{c.fromNumber}</td>
              <td className={`${td} font-mono`}>{c.toNumber}</td>
              <td className={td}>{c.queue?.name ?? "—"}</td>
              <td className={td}>{c.agent?.name ?? "—"}</td>
              <td className={td}>
                <Badge tone={CALL_STATE[c.state].tone}>{CALL_STATE[c.state].label}</Badge>
              </td>
              <td className={`${td} tabular-nums`}>{c.answeredAt ? duration(c.answeredAt, c.endedAt) : "—"}</td>
              <td className={`${td} text-slate-500`}>{c.state === "ended" ? endReasonLabel(c.endReason) : "—"}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
