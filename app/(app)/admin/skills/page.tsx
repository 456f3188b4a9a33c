"use client";
import { useState } from "react";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { PageHeader } from "../../../_components/page-header";
import { SkillDialog } from "../../../_components/skill-dialog";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { api } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import type { Skill } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";

export default function SkillsPage() {
  const skills = useResource<Skill[]>("/skills");
  const [editing, setEditing] = useState<Skill | "new" | null>(null);
  const [deleting, setDeleting] = useState<Skill | null>(null);
  const reload = () => void skills.reload();

  const newButton = <Button onClick={() => setEditing("new")}>New skill</Button>;

  return (
    <>
      <PageHeader title="Skills" description="Skills match callers to the agents who can help them." actions={newButton} />
      {skills.error && <ErrorNotice message={skills.error} onRetry={reload} />}
      {!skills.data && skills.loading && <Loading />}
      {skills.data?.length === 0 && (
        <EmptyState title="No skills yet" action={<Button variant="secondary" onClick={() => setEditing("new")}>Create your first skill</Button>}>
          Add skills such as languages or products, then require them on queues and give them to agents.
        </EmptyState>
      )}
      {skills.data && skills.data.length > 0 && (
        <Table label="Skills" head={["Name", "Description", "Created", <span key="a" className="sr-only">Actions</span>]}>
          {skills.data.map((s) => (
            <tr key={s.id}>
              <td className={`${td} font-medium text-slate-900`}>{s.name}</td>
              <td className={`${td} max-w-md text-slate-500`}>{s.description || "—"}</td>
              <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(s.createdAt)}</td>
              <td className={tdActions}>
                <Button variant="ghost" size="sm" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                  Edit
                </Button>
                <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(s)} aria-label={`Delete ${s.name}`}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <SkillDialog
        key={editing === "new" ? "new" : editing?.id ?? "none"}
        open={editing !== null}
        skill={editing === "new" || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete skill"
        confirmLabel="Delete skill"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/skills/${deleting?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? Queues and agents lose this skill.
      </ConfirmDialog>
    </>
  );
}
