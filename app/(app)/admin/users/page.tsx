"use client";
import { useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { PageHeader } from "../../../_components/page-header";
import { useSession } from "../../../_components/session";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { UserCreateDialog } from "../../../_components/user-create-dialog";
import { UserEditDialog } from "../../../_components/user-edit-dialog";
import { api } from "../../../_lib/api";
import { roleLabel } from "../../../_lib/labels";
import type { Skill, User } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";

const STATUS_TONE = { active: "green", invited: "amber", disabled: "gray" } as const;

export default function UsersPage() {
  const me = useSession();
  const users = useResource<User[]>("/users");
  const skills = useResource<Skill[]>("/skills");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<User | null>(null);
  const reload = () => void users.reload();

  const newButton = <Button onClick={() => setCreating(true)}>New user</Button>;

  return (
    <>
      <PageHeader title="Users" description="Agents take calls, supervisors watch queues, admins configure everything." actions={newButton} />
      {users.error && <ErrorNotice message={users.error} onRetry={reload} />}
      {!users.data && users.loading && <Loading />}
      {users.data?.length === 0 && <EmptyState title="No users" />}
      {users.data && users.data.length > 0 && (
        <Table label="Users" head={["Name", "Role", "Status", "Skills", <span key="a" className="sr-only">Actions</span>]}>
          {users.data.map((u) => (
            <tr key={u.id}>
              <td className={td}>
                <div className="font-medium text-slate-900">
                  {u.name}
                  {u.id === me.user.id && <span className="ml-2 text-xs font-normal text-slate-400">(you)</span>}
                </div>
                <div className="text-xs text-slate-500">{u.email}</div>
              </td>
              <td className={td}>{roleLabel(u.role)}</td>
              <td className={td}>
                <Badge tone={STATUS_TONE[u.status]}>{u.status[0]?.toUpperCase() + u.status.slice(1)}</Badge>
              </td>
              <td className={td}>
                {u.skills.length === 0 ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {u.skills.map((s) => (
                      <Badge key={s.skillId} tone="blue">
                        {s.name} · {s.level}
                      </Badge>
                    ))}
                  </div>
                )}
              </td>
              <td className={tdActions}>
                <Button variant="ghost" size="sm" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
                  Edit
                </Button>
                <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(u)} aria-label={`Delete ${u.name}`}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <UserCreateDialog open={creating} skills={skills.data ?? []} onClose={() => setCreating(false)} onCreated={reload} />
      <UserEditDialog key={editing?.id ?? "none"} user={editing} skills={skills.data ?? []} onClose={() => setEditing(null)} onSaved={reload} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete user"
        confirmLabel="Delete user"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/users/${deleting?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong> ({deleting?.email})? They are signed out and removed from every queue.
      </ConfirmDialog>
    </>
  );
}
