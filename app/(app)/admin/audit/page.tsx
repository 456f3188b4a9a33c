"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { SelectField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td } from "../../../_components/table";
import { formatDate } from "../../../_lib/labels";
import type { AuditEntry } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";
import { useTenantEvent } from "../../../_lib/use-tenant-event";

function actorLabel(actor: AuditEntry["actor"]): string {
  if (!actor) return "System";
  const who = actor.name ?? (actor.type === "api-key" ? "Deleted API key" : "Deleted user");
  return actor.type === "api-key" ? `${who} (API key)` : who;
}

function summary(data: AuditEntry["data"]): string {
  const entries = Object.entries(data);
  if (entries.length === 0) return "—";
  return entries.map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ");
}

export default function AuditPage() {
  const [limit, setLimit] = useState(50);
  const log = useResource<AuditEntry[]>(`/audit-log?limit=${limit}`);
  // Live: a change made anywhere in the organization (another admin, an API key) shows at once.
  useTenantEvent("audit:created", () => void log.reload());

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Changes made by admins and API keys, newest first. Updates live."
        actions={
          <SelectField label="Show" value={limit} onChange={(e) => setLimit(Number(e.target.value))} className="w-36">
            {[50, 100, 200].map((n) => (
              <option key={n} value={n}>
                Last {n}
              </option>
            ))}
          </SelectField>
        }
      />
      {log.error && <ErrorNotice message={log.error} onRetry={() => void log.reload()} />}
      {!log.data && log.loading && <Loading />}
      {log.data?.length === 0 && <EmptyState title="Nothing yet">Changes to users, skills, queues and API keys appear here.</EmptyState>}
      {log.data && log.data.length > 0 && (
        <Table label="Audit log" head={["When", "Action", "By", "Details"]}>
          {log.data.map((e) => (
            <tr key={e.id}>
              <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(e.createdAt)}</td>
              <td className={td}>
                <Badge tone="blue">{e.action}</Badge>
              </td>
              <td className={`${td} whitespace-nowrap`}>{actorLabel(e.actor)}</td>
              <td className={`${td} max-w-md truncate text-xs text-slate-500`} title={summary(e.data)}>
                {summary(e.data)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
