"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button, buttonClass } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { Dialog, DialogActions } from "../../../_components/dialog";
import { PageHeader } from "../../../_components/page-header";
import { QueueForm } from "../../../_components/queue-form";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { api } from "../../../_lib/api";
import { formatSeconds, strategyLabel } from "../../../_lib/labels";
import type { Queue, Skill } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";

export default function QueuesPage() {
  const router = useRouter();
  const queues = useResource<Queue[]>("/queues");
  const skills = useResource<Skill[]>("/skills");
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Queue | null>(null);
  const reload = () => void queues.reload();

  const newButton = <Button onClick={() => setCreating(true)}>New queue</Button>;

  return (
    <>
      <PageHeader title="Queues" description="Callers wait in queues until an agent with the right skills is free." actions={newButton} />
      {queues.error && <ErrorNotice message={queues.error} onRetry={reload} />}
      {!queues.data && queues.loading && <Loading />}
      {queues.data?.length === 0 && (
        <EmptyState title="No queues yet" action={<Button variant="secondary" onClick={() => setCreating(true)}>Create your first queue</Button>}>
          Create a queue such as Support or Sales, choose how calls are routed, then add agents to it.
        </EmptyState>
      )}
      {queues.data && queues.data.length > 0 && (
        <Table label="Queues" head={["Name", "Strategy", "Agents", "Required skills", "Service level", <span key="a" className="sr-only">Actions</span>]}>
          {queues.data.map((q) => (
            <tr key={q.id}>
              <td className={td}>
                <Link href={`/admin/queues/${q.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {q.name}
                </Link>
                {q.priority > 0 && <div className="text-xs text-slate-500">Priority {q.priority}</div>}
              </td>
              <td className={td}>{strategyLabel(q.strategy)}</td>
              <td className={`${td} tabular-nums`}>{q.agentCount}</td>
              <td className={td}>
                {q.skills.length === 0 ? (
                  <span className="text-slate-400">Any agent</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {q.skills.map((s) => (
                      <Badge key={s.skillId} tone="blue">
                        {s.name} ≥ {s.minLevel}
                      </Badge>
                    ))}
                  </div>
                )}
              </td>
              <td className={td}>{formatSeconds(q.serviceLevelSec)}</td>
              <td className={tdActions}>
                <Link href={`/admin/queues/${q.id}`} className={buttonClass("ghost", "sm")} aria-label={`Manage ${q.name}`}>
                  Manage
                </Link>
                <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(q)} aria-label={`Delete ${q.name}`}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New queue" wide>
        {creating && (
          <QueueForm
            queues={queues.data ?? []}
            skills={skills.data ?? []}
            onSubmit={async (body) => {
              const q = await api<Queue>("/queues", { method: "POST", body });
              setCreating(false);
              router.push(`/admin/queues/${q.id}`);
            }}
            actions={(busy) => (
              <DialogActions>
                <Button variant="secondary" onClick={() => setCreating(false)}>
                  Cancel
                </Button>
                <Button type="submit" busy={busy}>
                  Create queue
                </Button>
              </DialogActions>
            )}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete queue"
        confirmLabel="Delete queue"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/queues/${deleting?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? Queues that overflow into it stop overflowing.
      </ConfirmDialog>
    </>
  );
}
