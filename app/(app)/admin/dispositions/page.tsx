"use client";
import { useState, type FormEvent } from "react";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { RenameDialog } from "../../../_components/rename-dialog";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { api, errorMessage } from "../../../_lib/api";
import { useResource } from "../../../_lib/use-resource";

interface Disposition {
  id: string;
  name: string;
}

export default function DispositionsPage() {
  const list = useResource<Disposition[]>("/dispositions");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<Disposition | null>(null);
  const [deleting, setDeleting] = useState<Disposition | null>(null);

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setError(null);
    try {
      await api("/dispositions", { method: "POST", body: { name: String(new FormData(form).get("name")) } });
      form.reset();
      await list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title="Dispositions" description="How a call ended, chosen by the agent in the wrap-up." />
      {error && <ErrorNotice message={error} />}
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
        <Card title="Dispositions">
          {list.error && <ErrorNotice message={list.error} onRetry={() => void list.reload()} />}
          {!list.data && list.loading && <Loading />}
          {list.data?.length === 0 && <EmptyState title="No dispositions yet">Add a few, such as Resolved, Callback needed or Sale.</EmptyState>}
          <ul className="divide-y divide-slate-100">
            {list.data?.map((d) => (
              <li key={d.id} className="flex items-center gap-2 py-2">
                <span className="flex-1 text-sm font-medium text-slate-900">{d.name}</span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Rename ${d.name}`}
                  onClick={() => setRenaming(d)}
                >
                  Rename
                </Button>
                <Button variant="ghost-danger" size="sm" aria-label={`Delete ${d.name}`} onClick={() => setDeleting(d)}>
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Add a disposition">
          <form onSubmit={(e) => void add(e)} className="space-y-3">
            <TextField label="Name" name="name" required maxLength={80} placeholder="e.g. Resolved" />
            <Button type="submit" busy={busy}>
              Add disposition
            </Button>
          </form>
        </Card>
      </div>
      <RenameDialog noun="disposition" item={renaming} path={(id) => `/dispositions/${id}`} onClose={() => setRenaming(null)} onRenamed={list.reload} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete disposition"
        confirmLabel="Delete disposition"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/dispositions/${deleting?.id}`, { method: "DELETE" });
          await list.reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? Past calls keep their history but lose this label.
      </ConfirmDialog>
    </>
  );
}
