"use client";
import { useState, type FormEvent } from "react";
import { api, errorMessage } from "../_lib/api";
import { ROLE_OPTIONS } from "../_lib/labels";
import type { CreatedUser, Skill } from "../_lib/types";
import { Button } from "./button";
import { SecretBox } from "./copy-button";
import { Dialog, DialogActions } from "./dialog";
import { SelectField, TextField } from "./field";
import { SkillLevels, type SkillLevel } from "./skill-levels";
import { ErrorNotice, SuccessNotice } from "./states";

type Access = "password" | "invite";

export function UserCreateDialog({ open, skills, onClose, onCreated }: { open: boolean; skills: Skill[]; onClose: () => void; onCreated: () => void }) {
  const [access, setAccess] = useState<Access>("password");
  const [levels, setLevels] = useState<SkillLevel[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invited, setInvited] = useState<CreatedUser | null>(null);

  const close = () => {
    setError(null);
    setInvited(null);
    setLevels([]);
    setAccess("password");
    onClose();
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      role: String(form.get("role")),
      ...(access === "password" ? { password: String(form.get("password")) } : {}),
      skills: levels,
    };
    setBusy(true);
    setError(null);
    try {
      const user = await api<CreatedUser>("/users", { method: "POST", body });
      onCreated();
      if (user.inviteUrl) setInvited(user);
      else close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (invited?.inviteUrl) {
    return (
      <Dialog open={open} onClose={close} title="Invite created">
        <div className="space-y-4">
          <SuccessNotice>
            {invited.name} was invited. Send them this link to set a password; it works once and expires in 7 days.
          </SuccessNotice>
          <SecretBox label="Invite link" value={`${window.location.origin}${invited.inviteUrl}`} />
        </div>
        <DialogActions>
          <Button onClick={close}>Done</Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open={open} onClose={close} title="New user" wide>
      <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="New user">
        {error && <ErrorNotice message={error} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" name="name" required maxLength={120} autoFocus />
          <TextField label="Email" name="email" type="email" required autoComplete="off" />
        </div>
        <SelectField label="Role" name="role" defaultValue="agent">
          {ROLE_OPTIONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Access</legend>
          <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
            {(
              [
                ["password", "Set a password", "You tell them the password."],
                ["invite", "Send an invite", "They choose a password from a link."],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm ${access === value ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}>
                <input type="radio" name="access" value={value} checked={access === value} onChange={() => setAccess(value)} aria-describedby={`access-${value}-hint`} className="mt-0.5 accent-brand-600" />
                <span>
                  <span className="block font-medium text-slate-900">{label}</span>
                  <span id={`access-${value}-hint`} aria-hidden className="text-slate-500">
                    {hint}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {access === "password" && <TextField label="Password" name="password" type="password" required minLength={10} autoComplete="new-password" hint="At least 10 characters." />}
        <SkillLevels legend="Skills" levelWord="Level" skills={skills} value={levels} onChange={setLevels} />
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {access === "invite" ? "Create invite" : "Create user"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
