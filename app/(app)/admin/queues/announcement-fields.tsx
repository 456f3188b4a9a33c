"use client";
import { useId } from "react";
import { TextField } from "../../../_components/field";
import type { Queue } from "../../../_lib/types";

export interface AnnouncementSettings {
  announceEverySec: number | null;
  announcePosition: boolean;
  announceWaitTime: boolean;
}

export const ANNOUNCE_MIN_SEC = 15;
export const ANNOUNCE_MAX_SEC = 600;

/** The announcement settings of the queue form, checked as the API checks them. */
export function readAnnouncements(form: FormData): { value: AnnouncementSettings } | { error: string } {
  const raw = String(form.get("announceEverySec") ?? "").trim();
  const every = raw === "" ? null : Number(raw);
  if (every !== null && !(Number.isInteger(every) && every >= ANNOUNCE_MIN_SEC && every <= ANNOUNCE_MAX_SEC)) {
    return { error: `Announce every: enter a whole number of seconds from ${ANNOUNCE_MIN_SEC} to ${ANNOUNCE_MAX_SEC}, or leave it empty for no announcements.` };
  }
  const value = { announceEverySec: every, announcePosition: form.get("announcePosition") === "on", announceWaitTime: form.get("announceWaitTime") === "on" };
  if (every !== null && !value.announcePosition && !value.announceWaitTime) {
    return { error: "Announcements need “Announce position” or “Announce estimated wait”; or leave “Announce every” empty to turn them off." };
  }
  return { value };
}

/** What callers waiting in the queue hear over the music, and how often. */
export function AnnouncementFields({ queue }: { queue?: Queue }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">Announcements</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Announce every (seconds)"
          name="announceEverySec"
          type="number"
          min={ANNOUNCE_MIN_SEC}
          max={ANNOUNCE_MAX_SEC}
          step={1}
          placeholder="Off"
          defaultValue={queue?.announceEverySec ?? ""}
          hint={`${ANNOUNCE_MIN_SEC}-${ANNOUNCE_MAX_SEC}; empty: no announcements. Counted from when the caller entered the queue.`}
        />
        <div className="space-y-2 sm:col-span-2 sm:pt-7">
          <Check name="announcePosition" label="Announce position" defaultChecked={queue?.announcePosition ?? true} hint="“You are caller number 3 in line.”" />
          <Check
            name="announceWaitTime"
            label="Announce estimated wait"
            defaultChecked={queue?.announceWaitTime ?? true}
            hint="From the queue's handle time in the last hour and its logged-in agents, in whole minutes."
          />
        </div>
      </div>
    </fieldset>
  );
}

function Check({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2.5 text-sm text-slate-800">
      <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={`${id}-hint`} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      </div>
    </div>
  );
}
