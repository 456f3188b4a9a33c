"use client";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/app/_lib/api";
import { emitVerb } from "@/app/_lib/socket";
import { Button } from "../button";
import { Dialog, DialogActions } from "../dialog";
import { SelectField, TextField } from "../field";
import { ErrorNotice } from "../states";
import { useTransferTargets } from "./use-transfer-targets";

type Target = "queue" | "agent" | "number";

interface Props {
  open: boolean;
  callId: string;
  selfId: string;
  onClose: () => void;
  /** The caller is on their way: the agent moves on to the wrap-up. */
  onTransferred: () => void;
}

/**
 * Blind transfer to a queue, an agent or a number (`call:transfer`), or warm: consult an agent or
 * a number first while the caller waits (`call:consult`). It closes itself once either started
 * (a consult then shows in the consult bar).
 */
export function TransferDialog({ open, callId, selfId, onClose, onTransferred }: Props) {
  const [target, setTarget] = useState<Target>("queue");
  const [mode, setMode] = useState<"blind" | "warm">("blind");
  const warm = mode === "warm" && target !== "queue";
  const [choice, setChoice] = useState("");
  const [number, setNumber] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { queues, agents, error: listError, loading } = useTransferTargets(open, selfId);
  const options = target === "queue" ? queues : agents;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const to = target === "number" ? { type: "number" as const, number: number.replace(/[\s()-]/g, "") } : { type: target, id: choice };
    if (to.type !== "number" && !to.id) return setError(`Choose ${target === "queue" ? "a queue" : "an agent"}.`);
    setBusy(true);
    setError(null);
    try {
      if (warm) {
        await emitVerb("call:consult", { callId, to: to.type === "number" ? to : { type: "agent", id: choice } });
        close();
      } else {
        await emitVerb("call:transfer", { callId, to });
        close();
        onTransferred();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Transfer"
      description="Hand the caller to a queue, another agent or a number, at once or after talking to them first."
    >
      <form onSubmit={(e) => void submit(e)} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Transfer to"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value as Target);
              setChoice("");
              setError(null);
            }}
          >
            <option value="queue">A queue</option>
            <option value="agent">An agent</option>
            <option value="number">A phone number</option>
          </SelectField>
          <SelectField
            label="Type"
            value={target === "queue" ? "blind" : mode}
            onChange={(e) => setMode(e.target.value as "blind" | "warm")}
            disabled={target === "queue"}
            hint={target === "queue" ? "A queue takes the caller at once." : warm ? "The caller waits on hold while you talk." : undefined}
          >
            <option value="blind">Blind (hand over now)</option>
            <option value="warm">Warm (talk first)</option>
          </SelectField>
        </div>
        {target === "number" ? (
          <TextField label="Phone number" value={number} onChange={(e) => setNumber(e.target.value)} required placeholder="+14155550142" inputMode="tel" autoComplete="off" />
        ) : (
          <SelectField label={target === "queue" ? "Queue" : "Agent"} value={choice} onChange={(e) => setChoice(e.target.value)} required disabled={loading}>
            <option value="">{loading ? "Loading…" : options.length ? "Choose…" : target === "queue" ? "No queues" : "No other agents"}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.detail ? `${o.name} (${o.detail})` : o.name}
              </option>
            ))}
          </SelectField>
        )}
        {listError && <ErrorNotice message={listError} />}
        {error && <ErrorNotice message={error} />}
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {warm ? "Consult" : "Transfer call"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
