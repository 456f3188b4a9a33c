import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { ReportQuery } from "./schemas";

const pad = (n: number) => String(n).padStart(2, "0");
const day = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const DAY = 86_400_000;

/**
 * Every interval of the period as wall-clock labels (calendar arithmetic: no time zone needed).
 * The hour that a daylight-saving change skips has no calls; the one it repeats holds both.
 */
export function bucketsOf(q: Pick<ReportQuery, "from" | "to" | "interval">): string[] {
  const first = Date.parse(`${q.from}T00:00:00Z`);
  const last = Date.parse(`${q.to}T00:00:00Z`);
  const out: string[] = [];
  if (q.interval === "week") {
    const monday = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY;
    for (let t = monday; t <= last; t += 7 * DAY) out.push(day(t));
  } else {
    for (let t = first; t <= last; t += DAY) {
      if (q.interval === "day") out.push(day(t));
      else for (let h = 0; h < 24; h++) out.push(`${day(t)}T${pad(h)}:00`);
    }
  }
  return out;
}

/** SQL over a timestamp column: inside the period (local days from..to), and its interval's label. */
export function periodSql(q: ReportQuery, column: SQL | AnyColumn) {
  const start = sql`(${q.from}::date::timestamp at time zone ${q.timeZone})`;
  const end = sql`((${q.to}::date + 1)::timestamp at time zone ${q.timeZone})`;
  const format = q.interval === "hour" ? `YYYY-MM-DD"T"HH24:MI` : "YYYY-MM-DD";
  return {
    within: sql`${column} >= ${start} and ${column} < ${end}`,
    bucket: sql<string>`to_char(date_trunc(${sql.raw(`'${q.interval}'`)}, ${column} at time zone ${q.timeZone}), ${sql.raw(`'${format}'`)})`,
  };
}
