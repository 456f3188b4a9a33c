"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { NumberDialog } from "../../../_components/number-dialog";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { api } from "../../../_lib/api";
import type { PhoneNumber, Queue, User } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";

export default function NumbersPage() {
  const numbers = useResource<PhoneNumber[]>("/numbers");
  const queues = useResource<Queue[]>("/queues");
  const users = useResource<User[]>("/users");
  const flows = useResource<Array<{ id: string; name: string; publishedVersion: number | null }>>("/flows");
  const [editing, setEditing] = useState<PhoneNumber | "new" | null>(null);
  const [deleting, setDeleting] = useState<PhoneNumber | null>(null);
  const reload = () => void numbers.reload();

  return (
    <>
      <PageHeader title="Numbers" description="Your phone numbers and where their calls go." actions={<Button onClick={() => setEditing("new")}>Add number</Button>} />
      {numbers.error && <ErrorNotice message={numbers.error} onRetry={reload} />}
      {!numbers.data && numbers.loading && <Loading />}
      {numbers.data?.length === 0 && (
        <EmptyState title="No numbers yet" action={<Button variant="secondary" onClick={() => setEditing("new")}>Add your first number</Button>}>
          Add the numbers your carrier sends to your trunk, and route each one to a queue.
        </EmptyState>
      )}
      {numbers.data && numbers.data.length > 0 && (
        <Table label="Numbers" head={["Number", "Destination", <span key="a" className="sr-only">Actions</span>]}>
          {numbers.data.map((n) => (
            <tr key={n.id}>
              <td className={`${td} font-mono font-medium text-slate-900`}>{n.number}</td>
              <td className={td}>
                <Badge tone={n.destination.type === "queue" ? "blue" : "gray"}>{n.destination.type === "queue" ? "Queue" : n.destination.type === "user" ? "Person" : "Flow"}</Badge>{" "}
                <span className="text-slate-700">{n.destination.name}</span>
              </td>
              <td className={tdActions}>
                <Button variant="ghost" size="sm" onClick={() => setEditing(n)} aria-label={`Route ${n.number}`}>
                  Change route
                </Button>
                <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(n)} aria-label={`Remove ${n.number}`}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <NumberDialog
        key={editing === "new" ? "new" : (editing?.id ?? "none")}
        open={editing !== null}
        number={editing === "new" || editing === null ? undefined : editing}
        queues={queues.data ?? []}
        users={(users.data ?? []).filter((u) => u.status === "active")}
        flows={flows.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Remove number"
        confirmLabel="Remove number"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/numbers/${deleting?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Remove <strong className="text-slate-900">{deleting?.number}</strong>? Calls to it will get &ldquo;not found&rdquo;.
      </ConfirmDialog>
    </>
  );
}
