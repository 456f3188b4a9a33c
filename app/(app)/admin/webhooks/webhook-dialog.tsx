"use client";
import { useState } from "react";
import { Button } from "../../../_components/button";
import { Dialog, DialogActions } from "../../../_components/dialog";
import { TextField } from "../../../_components/field";
import { ErrorNotice } from "../../../_components/states";
import { api, errorMessage } from "../../../_lib/api";
import { useFormSubmit } from "../../../_lib/use-form-submit";
import { SecretNotice } from "./secret-notice";
import { EVENTS, EVENT_LABELS, type Webhook, type WebhookWithSecret } from "./types";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
/** The API's "url: must ..." as the form's labels say it: "URL must ...". */
const describe = (e: unknown) =>
  errorMessage(e)
    .replace(/\burl: /g, "URL ")
    .replace(/\bdescription: /g, "Description ")
    .replace(/\bevents(\.\d+)?: /g, "Events: ");

/** Adds a webhook (then shows its secret once), or edits `webhook`'s URL, description and events. */
export function WebhookDialog({ open, webhook, onClose, onSaved }: { open: boolean; webhook?: Webhook; onClose: () => void; onSaved: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async (form) => {
      const events = form.getAll("events").map(String);
      if (events.length === 0) throw new Error("Choose at least one event to send.");
      const body = { url: text(form, "url"), description: text(form, "description") || null, events };
      if (webhook) {
        await api(`/webhooks/${webhook.id}`, { method: "PATCH", body });
        onSaved();
        close();
      } else {
        const created = await api<WebhookWithSecret>("/webhooks", { method: "POST", body });
        onSaved();
        setSecret(created.secret);
      }
    },
    describe,
    { settle: true },
  );
  const close = () => {
    clearError();
    setSecret(null);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={webhook ? "Edit webhook" : "Add webhook"}
      description="Hotline POSTs a signed JSON event to this URL each time one of the chosen events happens."
    >
      {secret ? (
        <SecretNotice secret={secret} onDone={close} />
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-5" aria-label={webhook ? "Edit webhook" : "Add webhook"}>
          {error && <ErrorNotice message={error} />}
          <TextField label="URL" name="url" type="url" required maxLength={2000} autoFocus defaultValue={webhook?.url} placeholder="https://example.com/hotline-events" hint="http:// or https://, without a user name or password." />
          <TextField label="Description" name="description" maxLength={200} defaultValue={webhook?.description ?? undefined} placeholder="e.g. CRM sync" />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Events</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {EVENTS.map((ev) => (
                <label key={ev} className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="events" value={ev} defaultChecked={webhook?.events.includes(ev) ?? false} className="size-4 rounded border-slate-300 accent-brand-600" />
                  {EVENT_LABELS[ev]}
                  <code className="text-xs text-slate-400">{ev}</code>
                </label>
              ))}
            </div>
          </fieldset>
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              {webhook ? "Save webhook" : "Add webhook"}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
