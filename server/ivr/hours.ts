/** Whether a tenant's business hours are open at an instant, in their own time zone. */
import type { Holiday, WeeklyHours } from "@/db/schema/flows";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The local date (YYYY-MM-DD), weekday (0 = Sunday) and minutes since midnight in `timeZone`. */
export function localTime(at: Date, timeZone: string): { date: string; day: number; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAYS.indexOf(parts.weekday ?? ""),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isOpen(hours: { timeZone: string; weekly: WeeklyHours[]; holidays: Holiday[] }, at: Date): boolean {
  const local = localTime(at, hours.timeZone);
  if (hours.holidays.some((h) => h.date === local.date)) return false;
  return hours.weekly.some((w) => w.day === local.day && local.minutes >= toMinutes(w.open) && local.minutes < toMinutes(w.close));
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
