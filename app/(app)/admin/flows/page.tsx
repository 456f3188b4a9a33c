"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { Dialog, DialogActions } from "../../../_components/dialog";
import { TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { Table, td } from "../../../_components/table";
import { api, errorMessage } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import { useResource } from "../../../_lib/use-resource";

interface FlowSummary {
  id: string;
  name: string;
  publishedVersion: number | null;
  updatedAt: string;
}

export default function FlowsPage() {
  const flows = useResource<FlowSummary[]>("/flows");
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const flow = await api<{ id: string }>("/flows", { method: "POST", body: { name: String(new FormData(e.currentTarget).get("name")) } });
      router.push(`/admin/flows/${flow.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="IVR flows" description="What callers hear and press before they reach a queue." actions={<Button onClick={() => setCreating(true)}>New flow</Button>} />
      {flows.error && <ErrorNotice message={flows.error} onRetry={() => void flows.reload()} />}
      {!flows.data && flows.loading && <Loading />}
      {flows.data?.length === 0 && (
        <EmptyState title="No flows yet" action={<Button variant="secondary" onClick={() => setCreating(true)}>Build your first flow</Button>}>
          Greet callers, offer a menu, check your business hours, and send them to the right queue.
        </EmptyState>
      )}
      {flows.data && flows.data.length > 0 && (
        <Table label="IVR flows" head={["Name", "Published", "Changed"]}>
          {flows.data.map((f) => (
            <tr key={f.id}>
              <td className={td}>
                <Link href={`/admin/flows/${f.id}`} className="font-medium text-brand-700 hover:underline">
                  {f.name}
                </Link>
              </td>
              <td className={td}>{f.publishedVersion ? <Badge tone="green">Version {f.publishedVersion}</Badge> : <Badge>Draft only</Badge>}</td>
              <td className={`${td} text-slate-500`}>{formatDate(f.updatedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="New flow" description="You will edit its steps next.">
        <form onSubmit={(e) => void create(e)} className="space-y-4">
          {error && <ErrorNotice message={error} />}
          <TextField label="Name" name="name" required maxLength={80} autoFocus placeholder="e.g. Main menu" />
          <DialogActions>
            <Button variant="secondary" onClick={() => setCreating(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Create flow
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
