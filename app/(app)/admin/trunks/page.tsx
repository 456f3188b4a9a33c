"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { TrunkDialog } from "../../../_components/trunk-dialog";
import { api } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import type { Trunk } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";

const HEALTH = { up: { tone: "green", label: "Up" }, down: { tone: "red", label: "Down" }, unknown: { tone: "gray", label: "Not checked" } } as const;

export default function TrunksPage() {
  const trunks = useResource<Trunk[]>("/trunks");
  const [editing, setEditing] = useState<Trunk | "new" | null>(null);
  const [deleting, setDeleting] = useState<Trunk | null>(null);
  const reload = () => void trunks.reload();

  return (
    <>
      <PageHeader title="Trunks" description="Your carriers' SIP trunks: where calls come from and go out." actions={<Button onClick={() => setEditing("new")}>New trunk</Button>} />
      {trunks.error && <ErrorNotice message={trunks.error} onRetry={reload} />}
      {!trunks.data && trunks.loading && <Loading />}
      {trunks.data?.length === 0 && (
        <EmptyState title="No trunks yet" action={<Button variant="secondary" onClick={() => setEditing("new")}>Connect your first trunk</Button>}>
          Add your carrier&apos;s signalling addresses to take calls, and its proxy to place them.
        </EmptyState>
      )}
      {trunks.data && trunks.data.length > 0 && (
        <Table label="Trunks" head={["Name", "Inbound", "Outbound", "Health", <span key="a" className="sr-only">Actions</span>]}>
          {trunks.data.map((t) => {
            const health = HEALTH[t.health.status];
            return (
              <tr key={t.id}>
                <td className={`${td} font-medium text-slate-900`}>{t.name}</td>
                <td className={`${td} text-slate-600`}>
                  {t.inboundAddresses.length > 0 ? t.inboundAddresses.join(", ") : "—"}
                  {t.inboundAuth && <span className="block text-xs text-slate-500">Digest as {t.inboundAuth.username}</span>}
                </td>
                <td className={`${td} text-slate-600`}>
                  {t.outbound ? `${t.outbound.host}:${t.outbound.port} (${t.outbound.transport.toUpperCase()})` : "—"}
                  {t.outbound && <span className="block text-xs text-slate-500">Caller ID {t.outbound.callerId}</span>}
                </td>
                <td className={td}>
                  <Badge tone={health.tone}>{health.label}</Badge>
                  {t.health.checkedAt && (
                    <span className="block text-xs text-slate-500">
                      {formatDate(t.health.checkedAt)}
                      {t.health.rttMs !== null && ` · ${t.health.rttMs} ms`}
                    </span>
                  )}
                </td>
                <td className={tdActions}>
                  <Button variant="ghost" size="sm" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </Button>
                  <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(t)} aria-label={`Delete ${t.name}`}>
                    Delete
                  </Button>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <TrunkDialog
        key={editing === "new" ? "new" : (editing?.id ?? "none")}
        open={editing !== null}
        trunk={editing === "new" || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete trunk"
        confirmLabel="Delete trunk"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/trunks/${deleting?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? Calls from its addresses will be refused.
      </ConfirmDialog>
    </>
  );
}
