"use client";
import { api } from "../_lib/api";
import { useFormSubmit } from "../_lib/use-form-submit";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { TextField } from "./field";
import { ErrorNotice } from "./states";

/**
 * Renames one named thing (`PATCH <path> { name }`): a dialog named "Rename <noun>" with its
 * Name field, the API's error when it refuses, closed once saved.
 */
export function RenameDialog({ noun, item, path, onClose, onRenamed }: { noun: string; item: { id: string; name: string } | null; path: (id: string) => string; onClose: () => void; onRenamed: () => Promise<void> }) {
  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async (form) => {
      if (!item) return;
      await api(path(item.id), { method: "PATCH", body: { name: String(form.get("name")) } });
      onClose();
      await onRenamed();
    },
    undefined,
    { settle: true },
  );
  const close = () => {
    clearError();
    onClose();
  };
  return (
    <Dialog open={item !== null} onClose={close} title={`Rename ${noun}`}>
      <form key={item?.id ?? "none"} onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {error && <ErrorNotice message={error} />}
        <TextField label="Name" name="name" defaultValue={item?.name} required maxLength={80} autoFocus />
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            Save name
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
