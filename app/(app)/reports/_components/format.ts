import type { Interval } from "./report-params";

export const DASH = "—";

/** Seconds as m:ss (h:mm:ss from an hour on); null as a dash. */
export function clock(sec: number | null): string {
  if (sec === null) return DASH;
  const t = Math.round(sec);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const ss = String(t % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** A share (0..1) as a whole percentage; null as a dash. */
export const percent = (r: number | null) => (r === null ? DASH : `${Math.round(r * 100)}%`);

// Bucket labels are wall-clock times in the report's time zone already: read and print them as UTC.
const utc = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...o, timeZone: "UTC" });
const dayShort = utc({ month: "short", day: "numeric" });
const dayLong = utc({ weekday: "short", month: "short", day: "numeric", year: "numeric" });
const dateOf = (bucket: string) => new Date(`${bucket.slice(0, 10)}T00:00:00Z`);
const hourOf = (bucket: string) => bucket.slice(11, 16);

export const UNIT: Record<Interval, string> = { hour: "hour", day: "day", week: "week" };

/** A short axis label: "Nov 2", or "14:00" by the hour (the date at midnight). */
export function tickLabel(bucket: string, interval: Interval): string {
  if (interval === "hour" && hourOf(bucket) !== "00:00") return hourOf(bucket);
  return dayShort.format(dateOf(bucket));
}

/** The full name of an interval: "Mon, Nov 2, 2026", "Mon, Nov 2, 2026, 14:00", "Week of Mon, Nov 2, 2026". */
export function bucketName(bucket: string, interval: Interval): string {
  const day = dayLong.format(dateOf(bucket));
  if (interval === "hour") return `${day}, ${hourOf(bucket)}`;
  return interval === "week" ? `Week of ${day}` : day;
}

/** "Nov 2 – 8, 2026" (or one day); dates that are not, or out of order, as they are. */
export function periodName(from: string, to: string): string {
  const [a, b] = [dateOf(from), dateOf(to)];
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || a > b) return `${from} – ${to}`;
  return utc({ month: "short", day: "numeric", year: "numeric" }).formatRange(a, b);
}
