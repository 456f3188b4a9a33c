/** The report the page shows, as its URL holds it (so a report can be linked), and the API paths for it. */
export const INTERVALS = [
  { value: "hour", label: "Hour" },
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
] as const;
export type Interval = (typeof INTERVALS)[number]["value"];
export type View = "queues" | "agents";

export interface ReportParams {
  from: string;
  to: string;
  interval: Interval;
  timeZone: string;
  /** "" for every queue. */
  queueId: string;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today's date (YYYY-MM-DD) on the wall clocks of `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last 7 days, today included, by day, in the browser's time zone, every queue. */
export function defaultParams(): ReportParams {
  const timeZone = browserTimeZone();
  const to = todayIn(timeZone);
  return { from: addDays(to, -6), to, interval: "day", timeZone, queueId: "" };
}

/** The page's query string, with the defaults for what it leaves out (the API judges the rest). */
export function readParams(q: Pick<URLSearchParams, "get">): { params: ReportParams; view: View } {
  const d = defaultParams();
  return {
    params: {
      from: q.get("from") || d.from,
      to: q.get("to") || d.to,
      interval: INTERVALS.find((i) => i.value === q.get("interval"))?.value ?? d.interval,
      timeZone: q.get("timeZone") || d.timeZone,
      queueId: q.get("queueId") ?? "",
    },
    view: q.get("view") === "agents" ? "agents" : "queues",
  };
}

function query(p: ReportParams): URLSearchParams {
  const q = new URLSearchParams({ from: p.from, to: p.to, interval: p.interval, timeZone: p.timeZone });
  if (p.queueId) q.set("queueId", p.queueId);
  return q;
}

export const pageHref = (p: ReportParams, view: View) => `/reports?${query(p).toString()}&view=${view}`;

/** The report's path under /api/v1; `csv`: the download of its rows. */
export const reportPath = (view: View, p: ReportParams, format: "json" | "csv" = "json") => `/reports/${view}?${query(p).toString()}${format === "csv" ? "&format=csv" : ""}`;

const FIELD_LABELS: Record<string, string> = { from: "From", to: "To", interval: "Interval", timeZone: "Time zone", queueId: "Queue" };

/**
 * A validation message of the API ("to: is before from; …") with the form's labels for the
 * fields it names ("To is before from"), and those fields, to mark them invalid.
 */
export function readableError(message: string): { text: string; fields: string[] } {
  const fields: string[] = [];
  const text = message
    .split("; ")
    .map((part) => {
      const m = /^(\w+): (.*)$/s.exec(part);
      const label = m?.[1] ? FIELD_LABELS[m[1]] : undefined;
      if (!m?.[1] || !label) return part;
      fields.push(m[1]);
      const said = m[2] ?? "";
      return /^(is|must) /.test(said) ? `${label} ${said}` : `${label}: ${said}`;
    })
    .join("; ");
  return { text, fields };
}
