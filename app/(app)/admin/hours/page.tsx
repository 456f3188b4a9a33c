"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { DAY_NAMES, type Hours, HoursDialog } from "../../../_components/hours-dialog";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { api } from "../../../_lib/api";
import { useResource } from "../../../_lib/use-resource";

const summary = (h: Hours) =>
  h.weekly.length === 0 ? "Always closed" : h.weekly.map((w) => `${DAY_NAMES[w.day]?.slice(0, 3)} ${w.open}–${w.close}`).join(", ");

export default function HoursPage() {
  const hours = useResource<Hours[]>("/business-hours");
  const [editing, setEditing] = useState<Hours | "new" | null>(null);
  const [deleting, setDeleting] = useState<Hours | null>(null);
  const reload = () => void hours.reload();

  return (
    <>
      <PageHeader title="Business hours" description="When you are open, per time zone, with holidays." actions={<Button onClick={() => setEditing("new")}>New hours</Button>} />
      {hours.error && <ErrorNotice message={hours.error} onRetry={reload} />}
      {!hours.data && hours.loading && <Loading />}
      {hours.data?.length === 0 && (
        <EmptyState title="No business hours yet" action={<Button variant="secondary" onClick={() => setEditing("new")}>Set your hours</Button>}>
          IVR flows use them to greet callers differently when you are closed.
        </EmptyState>
      )}
      {hours.data && hours.data.length > 0 && (
        <Table label="Business hours" head={["Name", "Hours", "Time zone", "Holidays", "Now", <span key="a" className="sr-only">Actions</span>]}>
          {hours.data.map((h) => (
            <tr key={h.id}>
              <td className={`${td} font-medium text-slate-900`}>{h.name}</td>
              <td className={`${td} max-w-md text-slate-600`}>{summary(h)}</td>
              <td className={`${td} text-slate-600`}>{h.timeZone}</td>
              <td className={`${td} text-slate-600`}>{h.holidays.length}</td>
              <td className={td}>
                <Badge tone={h.openNow ? "green" : "gray"}>{h.openNow ? "Open" : "Closed"}</Badge>
              </td>
              <td className={tdActions}>
                <Button variant="ghost" size="sm" onClick={() => setEditing(h)} aria-label={`Edit ${h.name}`}>
                  Edit
                </Button>
                <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(h)} aria-label={`Delete ${h.name}`}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <HoursDialog key={editing === "new" ? "new" : (editing?.id ?? "none")} open={editing !== null} hours={editing === "new" || editing === null ? undefined : editing} onClose={() => setEditing(null)} onSaved={reload} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete business hours"
        confirmLabel="Delete hours"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/business-hours/${deleting?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? Flows that check them will report a problem.
      </ConfirmDialog>
    </>
  );
}
