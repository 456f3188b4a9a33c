"use client";
import { useState, type ReactNode } from "react";
import { errorMessage } from "../_lib/api";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { ErrorNotice } from "./states";

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** "Are you sure?" for destructive actions; shows the API's message when the action fails. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title={title}>
      <div className="space-y-4 text-sm text-slate-600">
        <div>{children}</div>
        {error && <ErrorNotice message={error} />}
      </div>
      <DialogActions>
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
