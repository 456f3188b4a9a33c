"use client";
import { useState, type FormEvent } from "react";
import { api, errorMessage } from "../_lib/api";
import type { Skill } from "../_lib/types";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { TextArea, TextField } from "./field";
import { ErrorNotice } from "./states";

/** Creates a skill, or edits `skill` when given. */
export function SkillDialog({ open, skill, onClose, onSaved }: { open: boolean; skill?: Skill; onClose: () => void; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = { name: String(form.get("name")), description: String(form.get("description")) };
    setBusy(true);
    setError(null);
    try {
      await api(skill ? `/skills/${skill.id}` : "/skills", { method: skill ? "PATCH" : "POST", body });
      onSaved();
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title={skill ? "Edit skill" : "New skill"} description="Queues require skills; agents have them at a level from 1 to 10.">
      <form onSubmit={(e) => void submit(e)} className="space-y-4">
        {error && <ErrorNotice message={error} />}
        <TextField label="Name" name="name" defaultValue={skill?.name} required maxLength={80} autoFocus placeholder="e.g. Spanish, Billing" />
        <TextArea label="Description" name="description" defaultValue={skill?.description} maxLength={500} />
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {skill ? "Save skill" : "Create skill"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
