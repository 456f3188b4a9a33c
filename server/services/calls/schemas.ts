import { z } from "zod";
import { CALL_DIRECTIONS, CALL_STATES, OFFER_RESULTS } from "@/db/schema/calls";

export const wrapUpInput = z.strictObject({
  dispositionId: z.uuid().nullable().default(null),
  notes: z.string().max(5000).default(""),
});
export type WrapUpInput = z.infer<typeof wrapUpInput>;

export const listQuery = z.strictObject({
  state: z.enum(CALL_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const liveCall = {
  id: z.uuid(),
  direction: z.enum(CALL_DIRECTIONS),
  fromNumber: z.string(),
  toNumber: z.string(),
  state: z.enum(CALL_STATES),
  startedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  endReason: z.string().nullable(),
};

export const callSummaryOut = z.object({
  ...liveCall,
  queue: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  agent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const callOut = callSummaryOut.extend({
  trunkId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  queuedAt: z.iso.datetime().nullable(),
  waitSeconds: z.number().nullable(),
  talkSeconds: z.number().nullable(),
  holdSeconds: z.number(),
  held: z.boolean(),
  disposition: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  notes: z.string().nullable(),
  wrappedUpAt: z.iso.datetime().nullable(),
  recording: z.object({ available: z.boolean() }),
  /** Voice activity measured during the call: durationMs, callerTalkMs, agentTalkMs, talkOverMs, silenceMs, agentTalkRatio. */
  audioStats: z.record(z.string(), z.number()).nullable(),
  /** The IVR steps, `<node>` or `<node>:<key pressed | no input | open | closed>`. */
  ivrPath: z.array(z.string()),
  /** The labels the flow gave those nodes, by node id (nodes without one are left out). */
  ivrLabels: z.record(z.string(), z.string()),
  offers: z.array(z.object({ id: z.uuid(), userId: z.uuid(), agentName: z.string(), offeredAt: z.iso.datetime(), result: z.enum(OFFER_RESULTS), respondedAt: z.iso.datetime().nullable() })),
  /** transfer_blind, transfer_number (then transfer_connected or transfer_failed) and transfer_warm, with who and where. */
  transfers: z.array(z.object({ at: z.iso.datetime(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
  events: z.array(z.object({ at: z.iso.datetime(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
});
export type CallOut = z.infer<typeof callOut>;
