import { z } from "zod";

const count = z.number().int().min(0);
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
    }),
  ),
});
