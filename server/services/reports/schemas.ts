import { z } from "zod";
import { isTimeZone } from "../../ivr/hours";

const date = z.iso.date();
/** The longest range one report covers, and the longest one by the hour (168 rows per queue). */
export const MAX_DAYS = 92;
export const MAX_HOURLY_DAYS = 7;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/**
 * A report's period: whole days `from`..`to` (both included) in `timeZone`, cut into `interval`s
 * of wall-clock time there (weeks start on Monday); `format=csv` downloads the rows.
 */
export const reportFields = z.strictObject({
  from: date,
  to: date,
  interval: z.enum(["hour", "day", "week"]).default("day"),
  timeZone: z.string().refine(isTimeZone, "is not a known time zone (IANA, like Europe/Paris)").default("UTC"),
  queueId: z.uuid().optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
export const reportQuery = reportFields.superRefine((q, ctx) => {
  const days = dayNumber(q.to) - dayNumber(q.from) + 1;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "is before from" });
  else if (days > MAX_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `a report covers at most ${MAX_DAYS} days` });
  else if (q.interval === "hour" && days > MAX_HOURLY_DAYS) ctx.addIssue({ code: "custom", path: ["interval"], message: `by the hour, a report covers at most ${MAX_HOURLY_DAYS} days` });
});
export type ReportQuery = z.infer<typeof reportQuery>;

const count = z.number().int().min(0);
const seconds = z.number().min(0).nullable();
const share = z.number().min(0).max(1).nullable();
const period = {
  from: date,
  to: date,
  interval: z.enum(["hour", "day", "week"]),
  timeZone: z.string(),
  /** Every interval of the period, as wall-clock time in the time zone ("2026-11-02" or "2026-11-02T14:00"). */
  buckets: z.array(z.string()),
  generatedAt: z.iso.datetime(),
};

export const queueFiguresOut = z.object({
  /** Calls that entered the queue in the interval (each call counts for the queue it ended in). */
  offered: count,
  answered: count,
  answeredWithinThreshold: count,
  /** answered within the queue's threshold ÷ answered. */
  serviceLevel: share,
  abandoned: count,
  /** abandoned ÷ (answered + abandoned). */
  abandonRate: share,
  /** Average speed of answer: queue entry to answer. */
  asaSec: seconds,
  /** Average handle time: answer to the end of wrap-up. */
  ahtSec: seconds,
  /** The longest any caller waited: to the answer, the hang-up, or until now. */
  longestWaitSec: seconds,
});
const queueKey = { queueId: z.uuid(), queueName: z.string(), serviceLevelSec: count };
export const queueReportOut = z.object({
  ...period,
  rows: z.array(z.object({ bucket: z.string(), ...queueKey, ...queueFiguresOut.shape })),
  queues: z.array(z.object({ ...queueKey, ...queueFiguresOut.shape })),
  total: queueFiguresOut,
});

export const agentFiguresOut = z.object({
  /** Calls the agent answered (inbound) or placed and got answered (outbound) in the interval. */
  handled: count,
  outbound: count,
  /** Talk time (answer to hang-up, less hold), hold time and after-call work, summed. */
  talkSec: z.number().min(0),
  holdSec: z.number().min(0),
  wrapUpSec: z.number().min(0),
  /** Average handle time: answer to the end of wrap-up. */
  ahtSec: seconds,
  /** Calls offered to the agent, and those missed (ring timeout) or declined. */
  offers: count,
  missed: count,
  declined: count,
});
const agentKey = { userId: z.uuid(), name: z.string() };
export const agentReportOut = z.object({
  ...period,
  rows: z.array(z.object({ bucket: z.string(), ...agentKey, ...agentFiguresOut.shape })),
  agents: z.array(z.object({ ...agentKey, ...agentFiguresOut.shape })),
  total: agentFiguresOut,
});

export type QueueFiguresOut = z.infer<typeof queueFiguresOut>;
export type AgentFiguresOut = z.infer<typeof agentFiguresOut>;
export type QueueReport = z.infer<typeof queueReportOut>;
export type AgentReport = z.infer<typeof agentReportOut>;
