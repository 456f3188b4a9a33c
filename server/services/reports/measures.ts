/**
 * The call-centre measures of a queue's calls, as SQL aggregates over `calls` joined with the
 * call's queue (for its service-level threshold): one definition for the live wallboard and the
 * historical reports. Sums, not averages, so that intervals add up to totals exactly.
 */
import { isNotNull, sql } from "drizzle-orm";
import { calls, queues } from "@/db/schema";

const answered = isNotNull(calls.answeredAt);
const ended = isNotNull(calls.endedAt);
const seconds = (from: unknown, to: unknown) => sql`extract(epoch from ${to} - ${from})`;

export const queueMeasures = () => ({
  answered: sql<number>`count(*) filter (where ${answered})`.mapWith(Number),
  answeredWithin: sql<number>`count(*) filter (where ${answered} and ${calls.answeredAt} - ${calls.queuedAt} <= make_interval(secs => ${queues.serviceLevelSec}))`.mapWith(Number),
  abandoned: sql<number>`count(*) filter (where ${calls.endReason} = 'abandoned')`.mapWith(Number),
  /** Queue entry to answer, summed over the answered calls (ASA = this ÷ answered). */
  answerWaitSec: sql<number>`coalesce(sum(${seconds(calls.queuedAt, calls.answeredAt)}) filter (where ${answered}), 0)`.mapWith(Number),
  /** Answered calls that ended, and their answer-to-end-of-wrap-up summed (AHT = this ÷ those). */
  handledEnded: sql<number>`count(*) filter (where ${answered} and ${ended})`.mapWith(Number),
  handleSec: sql<number>`coalesce(sum(${seconds(calls.answeredAt, sql`coalesce(${calls.wrappedUpAt}, ${calls.endedAt})`)}) filter (where ${answered} and ${ended}), 0)`.mapWith(Number),
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
