import { z } from "zod";
import { ALERT_KINDS } from "./alerts";

const count = z.number().int().min(0);
const alert = z.object({
  kind: z.enum(ALERT_KINDS).describe("waiting: calls waiting; longestWait: seconds; serviceLevel and abandonRate: percent"),
  threshold: z.number().describe("The queue's setting (alertMaxWaiting, alertLongestWaitSec, alertServiceLevelPct or alertAbandonRatePct)"),
  value: z.number().describe("The figure now, in the threshold's unit (percentages to one decimal)"),
  message: z.string().describe('A sentence to show, e.g. "5 calls waiting (alert at 4)"'),
});

const agentsByState = z.object({ available: count, ringing: count, in_call: count, after_call_work: count, break: count, offline: count });

export const wallboardOut = z.object({
  generatedAt: z.iso.datetime(),
  windowHours: z.number().int(),
  queues: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      serviceLevelSec: count,
      waiting: count,
      oldestWaitingSince: z.iso.datetime().nullable(),
      answered: count,
      answeredWithinThreshold: count,
      serviceLevel: z.number().min(0).max(1).nullable(),
      asaSec: z.number().nullable(),
      ahtSec: z.number().nullable(),
      abandoned: count,
      abandonRate: z.number().min(0).max(1).nullable(),
      agents: agentsByState,
      occupancy: z.number().min(0).max(1).nullable(),
      alerts: z.array(alert).describe("The queue's alert thresholds breached now"),
      nextAlertAt: z.iso.datetime().nullable().describe("When the longest-wait alert starts if no caller is answered or leaves first"),
    }),
  ),
});
