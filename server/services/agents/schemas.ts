import { z } from "zod";

export const CHOSEN_STATES = ["available", "break", "offline"] as const;

export const stateInput = z.strictObject({
  state: z.enum(CHOSEN_STATES),
  reason: z.string().trim().min(1).max(80).optional(),
});
export type StateInput = z.infer<typeof stateInput>;

export const agentStateOut = z.object({
  userId: z.uuid(),
  state: z.enum(["offline", "available", "break", "ringing", "in_call", "after_call_work"]),
  reason: z.string().nullable(),
  since: z.iso.datetime(),
  callId: z.uuid().nullable(),
  until: z.iso.datetime().nullable(),
});
export const agentOut = agentStateOut.extend({ name: z.string(), email: z.string(), role: z.string() });

export const callOfferOut = z.object({
  offerId: z.uuid(),
  callId: z.uuid(),
  expiresAt: z.iso.datetime(),
  fromNumber: z.string(),
  toNumber: z.string(),
  queueId: z.uuid().nullable(),
  queueName: z.string().nullable(),
  enqueuedAt: z.iso.datetime().nullable(),
});
