"use client";
import { api, errorMessage } from "../_lib/api";
import { useFormSubmit } from "../_lib/use-form-submit";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { TextArea, TextField } from "./field";
import { ErrorNotice } from "./states";

export interface Hours {
  id: string;
  name: string;
  timeZone: string;
  weekly: Array<{ day: number; open: string; close: string }>;
  holidays: Array<{ date: string; name: string }>;
  openNow: boolean;
}

export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "2026-12-25 Christmas" lines <-> holidays. */
const holidaysText = (h: Hours["holidays"]) => h.map((x) => `${x.date} ${x.name}`).join("\n");
function parseHolidays(text: string) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date = "", ...name] = l.split(/\s+/);
      return { date, name: name.join(" ") || "Holiday" };
    });
}

/** Weekly hours as one row per day: open and close time, or closed. */
export function HoursDialog({ open, hours, onClose, onSaved }: { open: boolean; hours?: Hours; onClose: () => void; onSaved: () => void }) {
  const { busy, error, onSubmit, clearError } = useFormSubmit(
    async (form) => {
      const weekly = DAY_NAMES.flatMap((_, day) =>
        form.get(`on-${day}`) ? [{ day, open: String(form.get(`open-${day}`)), close: String(form.get(`close-${day}`)) }] : [],
      );
      const body = { name: String(form.get("name")), timeZone: String(form.get("timeZone")), weekly, holidays: parseHolidays(String(form.get("holidays") ?? "")) };
      await api(hours ? `/business-hours/${hours.id}` : "/business-hours", { method: hours ? "PATCH" : "POST", body });
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
  const zone = hours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dayOf = (d: number) => hours?.weekly.find((w) => w.day === d);

  return (
    <Dialog open={open} onClose={close} title={hours ? "Edit business hours" : "New business hours"} description="IVR flows branch on these: open or closed, in your own time zone.">
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {error && <ErrorNotice message={error} />}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Name" name="name" defaultValue={hours?.name} required maxLength={80} autoFocus placeholder="e.g. Support hours" />
          <TextField label="Time zone" name="timeZone" defaultValue={zone} required placeholder="Europe/Paris" hint="An IANA zone name." />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Weekly hours</legend>
          <div className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
            {DAY_NAMES.map((name, day) => {
              const d = hours ? dayOf(day) : day >= 1 && day <= 5 ? { open: "09:00", close: "17:00" } : undefined;
              return (
                <div key={day} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <label className="flex w-32 items-center gap-2">
                    <input type="checkbox" name={`on-${day}`} defaultChecked={!!d} className="size-4 rounded border-slate-300" />
                    {name}
                  </label>
                  <input type="time" name={`open-${day}`} defaultValue={d?.open ?? "09:00"} aria-label={`${name} opens`} className="rounded border border-slate-300 px-2 py-1" />
                  <span aria-hidden>–</span>
                  <input type="time" name={`close-${day}`} defaultValue={d?.close ?? "17:00"} aria-label={`${name} closes`} className="rounded border border-slate-300 px-2 py-1" />
                </div>
              );
            })}
          </div>
        </fieldset>
        <TextArea label="Holidays" name="holidays" defaultValue={hours ? holidaysText(hours.holidays) : ""} hint="One per line: a date and a name, like 2026-12-25 Christmas." placeholder="2026-12-25 Christmas" />
        <DialogActions>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {hours ? "Save hours" : "Create hours"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
