/**
 * The call-centre measures of a queue's calls, as SQL aggregates over `calls` joined with the
 * call's queue (for its service-level threshold): one definition for the live wallboard and the
 * historical reports. Sums, not averages, so that intervals add up to totals exactly.
 */
import { isNotNull, sql } from "drizzle-orm";
import { calls, queues } from "@/db/schema";

const answered = isNotNull(calls.answeredAt);
const ended = isNotNull(calls.endedAt);
/** Seconds from one timestamp to another, as SQL. */
export const seconds = (from: unknown, to: unknown) => sql`extract(epoch from ${to} - ${from})`;
/** Answer to the end of wrap-up (or of the call), summed over answered calls that ended: AHT = this ÷ those. */
export const handleSecSum = () => sql<number>`coalesce(sum(${seconds(calls.answeredAt, sql`coalesce(${calls.wrappedUpAt}, ${calls.endedAt})`)}) filter (where ${answered} and ${ended}), 0)`.mapWith(Number);

export const queueMeasures = () => ({
  answered: sql<number>`count(*) filter (where ${answered})`.mapWith(Number),
  answeredWithin: sql<number>`count(*) filter (where ${answered} and ${calls.answeredAt} - ${calls.queuedAt} <= make_interval(secs => ${queues.serviceLevelSec}))`.mapWith(Number),
  abandoned: sql<number>`count(*) filter (where ${calls.endReason} = 'abandoned')`.mapWith(Number),
  /** Queue entry to answer, summed over the answered calls (ASA = this ÷ answered). */
  answerWaitSec: sql<number>`coalesce(sum(${seconds(calls.queuedAt, calls.answeredAt)}) filter (where ${answered}), 0)`.mapWith(Number),
  /** Answered calls that ended, and their answer-to-end-of-wrap-up summed (AHT = this ÷ those). */
  handledEnded: sql<number>`count(*) filter (where ${answered} and ${ended})`.mapWith(Number),
  handleSec: handleSecSum(),
});

export type QueueSums = { answered: number; answeredWithin: number; abandoned: number; answerWaitSec: number; handledEnded: number; handleSec: number };

export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
export const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The figures people read, from the sums. */
export const queueFigures = (s: QueueSums) => ({
  answered: s.answered,
  answeredWithinThreshold: s.answeredWithin,
  serviceLevel: ratio(s.answeredWithin, s.answered),
  abandoned: s.abandoned,
  abandonRate: ratio(s.abandoned, s.answered + s.abandoned),
  asaSec: round1(ratio(s.answerWaitSec, s.answered)),
  ahtSec: round1(ratio(s.handleSec, s.handledEnded)),
});

/**
 * A report's tables from per-(interval, key) sums: every key's row in every interval (empty ones
 * included), its sums over the period, and the total, each turned into figures.
 */
export function tabulate<K, S, F>(o: { buckets: string[]; keys: K[]; idOf: (k: K) => string; sums: Map<string, S>; zero: S; add: (a: S, b: S) => S; figures: (s: S) => F }) {
  const rows: Array<{ bucket: string; key: K; figures: F }> = [];
  const perKey: Array<{ key: K; figures: F }> = [];
  let total = o.zero;
  for (const key of o.keys) {
    let sum = o.zero;
    for (const bucket of o.buckets) {
      const s = o.sums.get(`${bucket}|${o.idOf(key)}`) ?? o.zero;
      sum = o.add(sum, s);
      rows.push({ bucket, key, figures: o.figures(s) });
    }
    perKey.push({ key, figures: o.figures(sum) });
    total = o.add(total, sum);
  }
  return { rows, perKey, total: o.figures(total) };
}
