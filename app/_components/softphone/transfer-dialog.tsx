"use client";
import { useState, type FormEvent } from "react";
import { Button } from "../button";
import { Dialog, DialogActions } from "../dialog";
import { SelectField, TextField } from "../field";
import { ErrorNotice } from "../states";

type Target = "agent" | "queue" | "number";
type Kind = "blind" | "warm";

const TARGET_LABEL: Record<Target, string> = { agent: "Agent email", queue: "Queue name", number: "Phone number" };

/**
 * Transfer (blind or warm) to an agent, a queue or a number. The server has no transfer verb yet,
 * so submitting shows the error it would give; the form is ready for `call:transfer`.
 */
export function TransferDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [target, setTarget] = useState<Target>("number");
  const [kind, setKind] = useState<Kind>("blind");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError("Transfer is not available yet");
  };
  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title="Transfer" description="Send the caller to another agent, a queue or a number.">
      <form onSubmit={submit} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Transfer to" value={target} onChange={(e) => setTarget(e.target.value as Target)}>
            <option value="number">A phone number</option>
            <option value="agent">An agent</option>
            <option value="queue">A queue</option>
          </SelectField>
          <SelectField label="Type" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="blind">Blind (hand over now)</option>
            <option value="warm">Warm (talk first)</option>
          </SelectField>
        </div>
        <TextField label={TARGET_LABEL[target]} value={to} onChange={(e) => setTo(e.target.value)} required placeholder={target === "number" ? "+14155550123" : ""} />
        {error && <ErrorNotice message={error} />}
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit">{kind === "warm" ? "Call and transfer" : "Transfer call"}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
