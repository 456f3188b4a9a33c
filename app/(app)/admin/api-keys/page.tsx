"use client";
import { useState, type FormEvent } from "react";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { SecretBox } from "../../../_components/copy-button";
import { TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { api, errorMessage } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import type { ApiKey, CreatedApiKey } from "../../../_lib/types";
import { useResource } from "../../../_lib/use-resource";

export default function ApiKeysPage() {
  const keys = useResource<ApiKey[]>("/api-keys");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = () => void keys.reload();

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    setBusy(true);
    setError(null);
    try {
      setCreated(await api<CreatedApiKey>("/api-keys", { method: "POST", body: { name: String(new FormData(formEl).get("name")) } }));
      formEl.reset();
      reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="API keys" description={<>Call the REST API with <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">Authorization: Bearer &lt;key&gt;</code>. Keys act as an admin of this organization.</>} />
      <Card title="Create a key" className="mb-6">
        <form onSubmit={(e) => void create(e)} className="flex flex-wrap items-end gap-3" aria-label="Create API key">
          <TextField label="Key name" name="name" required maxLength={80} placeholder="e.g. CRM sync" className="min-w-64 flex-1" />
          <Button type="submit" busy={busy}>
            Create key
          </Button>
        </form>
        {error && (
          <div className="mt-4">
            <ErrorNotice message={error} />
          </div>
        )}
        {created && (
          <div className="mt-5 space-y-2 rounded-md border border-amber-200 bg-amber-50 p-4">
            <p className="text-sm font-medium text-amber-900">Copy the key for “{created.name}” now. It is shown only once.</p>
            <SecretBox label="New API key" value={created.key} />
            <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
              I have copied it
            </Button>
          </div>
        )}
      </Card>

      {keys.error && <ErrorNotice message={keys.error} onRetry={reload} />}
      {!keys.data && keys.loading && <Loading />}
      {keys.data?.length === 0 && <EmptyState title="No API keys">Create a key to connect your CRM, scripts or reporting tools.</EmptyState>}
      {keys.data && keys.data.length > 0 && (
        <Table label="API keys" head={["Name", "Key", "Created", "Last used", <span key="a" className="sr-only">Actions</span>]}>
          {keys.data.map((k) => (
            <tr key={k.id}>
              <td className={`${td} font-medium text-slate-900`}>{k.name}</td>
              <td className={td}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{k.prefix}…</code>
              </td>
              <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(k.createdAt)}</td>
              <td className={`${td} whitespace-nowrap text-slate-500`}>{k.lastUsedAt ? formatDate(k.lastUsedAt) : "Never"}</td>
              <td className={tdActions}>
                <Button variant="ghost-danger" size="sm" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke API key"
        confirmLabel="Revoke key"
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          await api(`/api-keys/${revoking?.id}`, { method: "DELETE" });
          reload();
        }}
      >
        Revoke <strong className="text-slate-900">{revoking?.name}</strong>? Anything using it stops working at once.
      </ConfirmDialog>
    </>
  );
}
