"use client";
import { useEffect, useRef, useState } from "react";
import { Badge } from "../../../_components/badge";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { Dialog } from "../../../_components/dialog";
import { PageHeader } from "../../../_components/page-header";
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from "../../../_components/states";
import { Table, td, tdActions } from "../../../_components/table";
import { api, errorMessage } from "../../../_lib/api";
import { formatDate } from "../../../_lib/labels";
import { useResource } from "../../../_lib/use-resource";
import { DeliveriesDialog } from "./deliveries-dialog";
import { SecretNotice } from "./secret-notice";
import { EVENT_LABELS, deliveryBadge, type Webhook, type WebhookWithSecret } from "./types";
import { WebhookDialog } from "./webhook-dialog";

export default function WebhooksPage() {
  const hooks = useResource<Webhook[]>("/webhooks");
  const [editing, setEditing] = useState<Webhook | "new" | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  const reload = () => void hooks.reload();

  /** Runs one row action, with its error or confirmation shown above the list. */
  const act = async (w: Webhook, action: () => Promise<string>) => {
    setBusyId(w.id);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };
  const sendTest = (w: Webhook) =>
    act(w, async () => {
      await api(`/webhooks/${w.id}/test`, { method: "POST" });
      // The delivery loop sends it within a second or two; show its outcome then.
      timers.current.push(setTimeout(reload, 2_000), setTimeout(reload, 5_000));
      return `Test event queued for ${w.url}.`;
    });
  const toggle = (w: Webhook) =>
    act(w, async () => {
      await api(`/webhooks/${w.id}`, { method: "PATCH", body: { active: !w.active } });
      return w.active ? `${w.url} is disabled: it is sent nothing until you enable it.` : `${w.url} is enabled.`;
    });

  const addButton = <Button onClick={() => setEditing("new")}>Add webhook</Button>;
  return (
    <>
      <PageHeader title="Webhooks" description="Signed HTTP notifications of call and ticket events, sent to your systems as they happen." actions={addButton} />
      <div className="mb-4 space-y-3 empty:hidden">
        {error && <ErrorNotice message={error} />}
        {notice && <SuccessNotice>{notice}</SuccessNotice>}
        {hooks.error && <ErrorNotice message={hooks.error} onRetry={reload} />}
      </div>
      {!hooks.data && hooks.loading && <Loading />}
      {hooks.data?.length === 0 && (
        <EmptyState title="No webhooks yet" action={<Button variant="secondary" onClick={() => setEditing("new")}>Add your first webhook</Button>}>
          A webhook tells your CRM, helpdesk or data warehouse the moment a call starts, is answered, ends or is wrapped up, and when a ticket is created or updated, so
          nothing has to poll the API.
        </EmptyState>
      )}
      {hooks.data && hooks.data.length > 0 && (
        <Table label="Webhooks" head={["URL", "Events", "Status", "Last delivery", <span key="a" className="sr-only">Actions</span>]}>
          {hooks.data.map((w) => {
            const last = w.lastDelivery;
            return (
              <tr key={w.id}>
                <td className={`${td} min-w-44 max-w-sm`}>
                  <span className="block break-all font-medium text-slate-900">{w.url}</span>
                  {w.description && <span className="block text-xs text-slate-500">{w.description}</span>}
                </td>
                <td className={`${td} min-w-32 text-slate-600`}>{w.events.map((e) => EVENT_LABELS[e]).join(", ")}</td>
                <td className={td}>{w.active ? <Badge tone="green">Active</Badge> : <Badge>Disabled</Badge>}</td>
                <td className={`${td} min-w-40`}>
                  {last ? (
                    <>
                      <Badge tone={deliveryBadge(last).tone}>{deliveryBadge(last).label}</Badge>
                      <span className="block text-xs text-slate-500">
                        {last.lastStatus !== null && `HTTP ${last.lastStatus} · `}
                        {formatDate(last.createdAt)}
                      </span>
                    </>
                  ) : (
                    <span className="block text-slate-500">None yet</span>
                  )}
                  <button
                    type="button"
                    onClick={() => setViewing(w)}
                    aria-label={`Recent deliveries of ${w.url}`}
                    className="mt-1 text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    Recent deliveries
                  </button>
                </td>
                <td className={tdActions}>
                  <Button variant="ghost" size="sm" onClick={() => void sendTest(w)} disabled={!w.active || busyId === w.id} aria-label={`Send test to ${w.url}`}>
                    Send test
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setEditing(w)} aria-label={`Edit ${w.url}`}>
                    Edit
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setRotating(w)} aria-label={`Rotate secret of ${w.url}`}>
                    Rotate secret
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => void toggle(w)} disabled={busyId === w.id} aria-label={`${w.active ? "Disable" : "Enable"} ${w.url}`}>
                    {w.active ? "Disable" : "Enable"}
                  </Button>
                  <Button variant="ghost-danger" size="sm" onClick={() => setDeleting(w)} aria-label={`Delete ${w.url}`}>
                    Delete
                  </Button>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <WebhookDialog
        key={editing === "new" ? "new" : (editing?.id ?? "none")}
        open={editing !== null}
        webhook={editing === "new" || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      <DeliveriesDialog key={viewing?.id ?? "none"} webhook={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        open={rotating !== null}
        title="Rotate secret"
        confirmLabel="Rotate secret"
        onClose={() => setRotating(null)}
        onConfirm={async () => {
          const out = await api<WebhookWithSecret>(`/webhooks/${rotating?.id}/rotate-secret`, { method: "POST" });
          setNewSecret(out.secret);
        }}
      >
        Make a new signing secret for <strong className="break-all text-slate-900">{rotating?.url}</strong>? Events are signed with the new one at once, so your endpoint must
        switch to it.
      </ConfirmDialog>
      <Dialog open={newSecret !== null} onClose={() => setNewSecret(null)} title="New signing secret">
        {newSecret && <SecretNotice secret={newSecret} onDone={() => setNewSecret(null)} />}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete webhook"
        confirmLabel="Delete webhook"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/webhooks/${deleting?.id}`, { method: "DELETE" });
          setNotice(`The webhook to ${deleting?.url} is deleted.`);
          reload();
        }}
      >
        Delete the webhook to <strong className="break-all text-slate-900">{deleting?.url}</strong>? Events waiting to be sent to it are dropped.
      </ConfirmDialog>
    </>
  );
}
