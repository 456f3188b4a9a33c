"use client";
import { api, errorMessage } from "../_lib/api";
import { useFormSubmit } from "../_lib/use-form-submit";
import type { PhoneNumber, Queue, User } from "../_lib/types";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { SelectField, TextField } from "./field";
import { ErrorNotice } from "./states";

/** Adds a number routed to a queue or a user, or changes where `number` goes. */
export function NumberDialog({
  open,
  number,
  queues,
  users,
  flows = [],
  onClose,
  onSaved,
}: {
  open: boolean;
  number?: PhoneNumber;
  queues: Queue[];
  users: User[];
  flows?: Array<{ id: string; name: string; publishedVersion: number | null }>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async (form) => {
      const [type, id] = String(form.get("destination") ?? "").split(":");
      const destination = { type, id };
      if (number) await api(`/numbers/${number.id}`, { method: "PATCH", body: { destination } });
      else await api("/numbers", { method: "POST", body: { number: String(form.get("number")).replace(/[\s()-]/g, ""), destination } });
      onSaved();
      close();
    },
    errorMessage,
    { settle: true },
  );
  const close = () => {
    clearError();
    onClose();
  };
  const current = number ? `${number.destination.type}:${number.destination.id}` : undefined;
  const noTargets = queues.length === 0 && users.length === 0;

  return (
    <Dialog open={open} onClose={close} title={number ? `Route ${number.number}` : "Add number"} description="Calls to this number go to an IVR flow, a queue, or straight to one person.">
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {error && <ErrorNotice message={error} />}
        {!number && <TextField label="Number" name="number" required autoFocus placeholder="+14155550100" hint="E.164: a plus, the country code and the number." />}
        <SelectField label="Destination" name="destination" defaultValue={current} required disabled={noTargets}>
          {queues.length > 0 && (
            <optgroup label="Queues">
              {queues.map((q) => (
                <option key={q.id} value={`queue:${q.id}`}>
                  {q.name}
                </option>
              ))}
            </optgroup>
          )}
          {flows.length > 0 && (
            <optgroup label="IVR flows">
              {flows.map((f) => (
                <option key={f.id} value={`flow:${f.id}`} disabled={f.publishedVersion === null}>
                  {f.publishedVersion === null ? `${f.name} (not published)` : f.name}
                </option>
              ))}
            </optgroup>
          )}
          {users.length > 0 && (
            <optgroup label="People">
              {users.map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        {noTargets && <p className="text-sm text-amber-700">Create a queue first: numbers need somewhere to send calls.</p>}
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy} disabled={noTargets}>
            {number ? "Save route" : "Add number"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
