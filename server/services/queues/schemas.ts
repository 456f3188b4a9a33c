import { z } from "zod";
import { MAX_WAIT_ACTIONS, QUEUE_STRATEGIES } from "@/db/schema/queues";

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** An alert threshold: a whole number in min..max, or null to turn that alert off. */
function threshold(min: number, max: number, unit: "calls" | "seconds" | "percent", what: string) {
  const off = "or null to turn this alert off";
  const amount = (n: number) => (unit === "percent" ? `${n}%` : `${n} ${n === 1 ? unit.slice(0, -1) : unit}`);
  const kind = unit === "percent" ? "a whole percentage" : `a whole number of ${unit}`;
  return z
    .number({ error: `must be ${kind} from ${amount(min)} to ${amount(max)}, ${off}` })
    .int(`must be ${kind}`)
    .min(min, `must be at least ${amount(min)} (${off})`)
    .max(max, `must be at most ${amount(max)} (${off})`)
    .nullable()
    .describe(`${what}; null: off`);
}

/** Wallboard alert thresholds of a queue (evaluated by the wallboard service). */
const alertFields = {
  alertMaxWaiting: threshold(1, 10_000, "calls", "Wallboard alert when this many calls or more are waiting"),
  alertLongestWaitSec: threshold(1, 86_400, "seconds", "Wallboard alert when a caller has waited this many seconds or more"),
  alertServiceLevelPct: threshold(1, 100, "percent", "Wallboard alert when the service level is below this percentage"),
  alertAbandonRatePct: threshold(0, 99, "percent", "Wallboard alert when the abandon rate is above this percentage"),
};

const queueFields = {
  name: z.string().trim().min(1, "is required").max(80),
  strategy: z.enum(QUEUE_STRATEGIES),
  ringTimeoutSec: int(5, 300),
  maxWaitSec: int(10, 86_400),
  maxWaitAction: z.enum(MAX_WAIT_ACTIONS),
  overflow: z.strictObject({ queueId: z.uuid(), afterSec: int(5, 3600) }).nullable(),
  serviceLevelSec: int(1, 3600),
  priority: int(0, 100),
  skills: z.array(z.strictObject({ skillId: z.uuid(), minLevel: int(1, 10) })).max(50),
  announceEverySec: z
    .number({ error: "must be a number of seconds (15 to 600), or null for no announcements" })
    .int("must be a whole number of seconds")
    .min(15, "must be at least 15 seconds (or null for no announcements)")
    .max(600, "must be at most 600 seconds (or null for no announcements)")
    .nullable(),
  announcePosition: z.boolean({ error: "must be true or false" }),
  announceWaitTime: z.boolean({ error: "must be true or false" }),
  ...alertFields,
};

export const queueCreate = z.strictObject({
  name: queueFields.name,
  strategy: queueFields.strategy.default("longest-idle"),
  ringTimeoutSec: queueFields.ringTimeoutSec.default(20),
  maxWaitSec: queueFields.maxWaitSec.default(600),
  maxWaitAction: queueFields.maxWaitAction.default("voicemail"),
  overflow: queueFields.overflow.default(null),
  serviceLevelSec: queueFields.serviceLevelSec.default(20),
  priority: queueFields.priority.default(0),
  skills: queueFields.skills.default([]),
  announceEverySec: queueFields.announceEverySec.default(null),
  announcePosition: queueFields.announcePosition.default(true),
  announceWaitTime: queueFields.announceWaitTime.default(true),
  alertMaxWaiting: queueFields.alertMaxWaiting.default(null),
  /** Left out: the queue's service level threshold (the wallboard's alert before thresholds were set per queue). */
  alertLongestWaitSec: queueFields.alertLongestWaitSec.optional().describe("Wallboard alert when a caller has waited this many seconds or more; null: off; left out: serviceLevelSec"),
  alertServiceLevelPct: queueFields.alertServiceLevelPct.default(null),
  alertAbandonRatePct: queueFields.alertAbandonRatePct.default(null),
});
export const queueUpdate = z.strictObject(queueFields).partial();
export type QueueCreate = z.infer<typeof queueCreate>;
export type QueueUpdate = z.infer<typeof queueUpdate>;

export const memberInput = z.strictObject({ userId: z.uuid() });

export const queueOut = z.object({
  id: z.uuid(),
  name: z.string(),
  strategy: z.enum(QUEUE_STRATEGIES),
  ringTimeoutSec: z.number(),
  maxWaitSec: z.number(),
  maxWaitAction: z.enum(MAX_WAIT_ACTIONS),
  overflow: z.object({ queueId: z.uuid(), afterSec: z.number() }).nullable(),
  serviceLevelSec: z.number(),
  priority: z.number(),
  skills: z.array(z.object({ skillId: z.uuid(), name: z.string(), minLevel: z.number() })),
  agentCount: z.number(),
  /** Position / estimated-wait announcements over the music every N seconds; null: none. */
  announceEverySec: z.number().nullable(),
  announcePosition: z.boolean(),
  announceWaitTime: z.boolean(),
  alertMaxWaiting: z.number().int().nullable(),
  alertLongestWaitSec: z.number().int().nullable(),
  alertServiceLevelPct: z.number().int().nullable(),
  alertAbandonRatePct: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type QueueOut = z.infer<typeof queueOut>;

export const memberOut = z.object({ queueId: z.uuid(), userId: z.uuid() });
export const queueAgentOut = z.object({ userId: z.uuid(), name: z.string(), email: z.string(), role: z.string() });
