"use client";
import { useState, type FormEvent } from "react";
import { api, errorMessage } from "../_lib/api";
import { ROLE_OPTIONS } from "../_lib/labels";
import type { Skill, User } from "../_lib/types";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { SelectField, TextField } from "./field";
import { SkillLevels, type SkillLevel } from "./skill-levels";
import { ErrorNotice } from "./states";

/** Edits one user; mount it with a `key` per user so the form starts from their values. */
export function UserEditDialog({ user, skills, onClose, onSaved }: { user: User | null; skills: Skill[]; onClose: () => void; onSaved: () => void }) {
  const [levels, setLevels] = useState<SkillLevel[]>(() => user?.skills.map((s) => ({ skillId: s.skillId, level: s.level })) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!user) return;
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    const sipUri = String(form.get("sipUri") ?? "").trim();
    const status = form.get("status");
    const body = {
      name: String(form.get("name")),
      role: String(form.get("role")),
      sipUri: sipUri || null,
      skills: levels,
      ...(status ? { status: String(status) } : {}),
      ...(password ? { password } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      await api(`/users/${user.id}`, { method: "PATCH", body });
      onSaved();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={user !== null} onClose={onClose} title="Edit user" description={user?.email} wide>
      {user && (
        <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Edit user">
          {error && <ErrorNotice message={error} />}
          <TextField label="Name" name="name" defaultValue={user.name} required maxLength={120} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Role" name="role" defaultValue={user.role}>
              {ROLE_OPTIONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            {user.status === "invited" ? (
              <TextField label="Status" value="Invited (has not set a password yet)" disabled readOnly />
            ) : (
              <SelectField label="Status" name="status" defaultValue={user.status}>
                <option value="active">Active</option>
                <option value="disabled">Disabled</option>
              </SelectField>
            )}
          </div>
          <TextField label="SIP address" name="sipUri" defaultValue={user.sipUri ?? ""} placeholder="sip:alice@pbx.example.com" hint="Optional: ring a desk phone or softphone instead of the browser." />
          <TextField label="New password" name="password" type="password" minLength={10} autoComplete="new-password" hint="Leave empty to keep the current password." />
          <SkillLevels legend="Skills" levelWord="Level" skills={skills} value={levels} onChange={setLevels} />
          <DialogActions>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Save changes
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
