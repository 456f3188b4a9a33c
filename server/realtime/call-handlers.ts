import { z } from "zod";
import type { Ctx, Deps } from "../context";
import { AppError } from "../errors";
import * as agents from "../services/agents";
import { stateInput } from "../services/agents/schemas";
import { e164 } from "../services/trunks/schemas";
import * as calls from "../services/calls";
import type { MonitorMode } from "../services/calls";
import { type AppSocket, handle } from "./handle";

/** What the agent's browser can ask of a call; telephony provides it, or the database-only fallback. */
export interface CallActions {
  answer(ctx: Ctx, offerId: string): Promise<{ callId: string }>;
  decline(ctx: Ctx, offerId: string): Promise<void>;
  hangup(ctx: Ctx, callId: string): Promise<void>;
  hold(ctx: Ctx, callId: string, held: boolean): Promise<void>;
  transfer(ctx: Ctx, callId: string, to: TransferTarget): Promise<void>;
  /** Warm transfer: consult an agent or a number while the caller waits; then complete, cancel or conference. */
  consult(ctx: Ctx, callId: string, to: ConsultTarget): Promise<void>;
  consultComplete(ctx: Ctx, callId: string): Promise<void>;
  consultCancel(ctx: Ctx, callId: string): Promise<void>;
  conference(ctx: Ctx, callId: string): Promise<void>;
  /** Click-to-call through the tenant's outbound trunk. */
  dial(ctx: Ctx, toNumber: string): Promise<{ callId: string }>;
  dtmf(ctx: Ctx, callId: string, digits: string): Promise<void>;
  /** Pauses the call's recording (card digits read out) or resumes it. */
  recordingPaused(ctx: Ctx, callId: string, paused: boolean): Promise<{ paused: boolean }>;
  /** A supervisor listens, whispers (the agent alone hears) or barges in; again to change the mode. */
  monitor(ctx: Ctx, callId: string, mode: MonitorMode): Promise<{ callId: string; mode: MonitorMode }>;
  monitorEnd(ctx: Ctx, callId: string): Promise<void>;
  media: {
    transports(ctx: Ctx, callId: string): Promise<unknown>;
    connect(ctx: Ctx, callId: string, transportId: string, dtlsParameters: unknown): Promise<void>;
    produce(ctx: Ctx, callId: string, kind: string, rtpParameters: unknown): Promise<{ id: string }>;
    capabilities(ctx: Ctx, callId: string, rtpCapabilities: unknown): Promise<unknown>;
  };
}

export type TransferTarget = { type: "queue"; id: string } | { type: "agent"; id: string } | { type: "number"; number: string };
export type ConsultTarget = Exclude<TransferTarget, { type: "queue" }>;

const transferTarget = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("queue"), id: z.uuid() }),
  z.strictObject({ type: z.literal("agent"), id: z.uuid() }),
  z.strictObject({ type: z.literal("number"), number: e164 }),
]);

/** Blind transfer in the records; a number needs the SIP gateway (telephony does that one). */
export async function transferInRecords(ctx: Ctx, callId: string, to: TransferTarget): Promise<void> {
  if (to.type === "number") throw off();
  await calls.transfer({ ctx, input: to.type === "queue" ? { callId, queueId: to.id } : { callId, userId: to.id } });
}

const consultTarget = z.discriminatedUnion("type", [z.strictObject({ type: z.literal("agent"), id: z.uuid() }), z.strictObject({ type: z.literal("number"), number: e164 })]);

const off = () => new AppError("conflict", "Telephony is off on this server (TELEPHONY=off)");

/** Without a SIP gateway: offers can still be answered in the records (tests, API-only nodes). */
export const recordsOnlyActions: CallActions = {
  answer: async (ctx, offerId) => ({ callId: (await calls.answerOffer({ ctx, input: { offerId } })).id }),
  decline: async (ctx, offerId) => void (await calls.declineOffer({ ctx, input: { offerId } })),
  hangup: async () => Promise.reject(off()),
  hold: async () => Promise.reject(off()),
  transfer: transferInRecords,
  consult: async () => Promise.reject(off()),
  consultComplete: async () => Promise.reject(off()),
  consultCancel: async () => Promise.reject(off()),
  conference: async () => Promise.reject(off()),
  dial: async () => Promise.reject(off()),
  dtmf: async () => Promise.reject(off()),
  recordingPaused: async () => Promise.reject(off()),
  monitor: async () => Promise.reject(off()),
  monitorEnd: async () => Promise.reject(off()),
  media: {
    transports: async () => Promise.reject(off()),
    connect: async () => Promise.reject(off()),
    produce: async () => Promise.reject(off()),
    capabilities: async () => Promise.reject(off()),
  },
};

const id = z.uuid();
const callRef = z.strictObject({ callId: id });
// mediasoup validates the shapes of DTLS and RTP parameters itself; the edge checks they are objects.
const object = z.record(z.string(), z.unknown());

export function registerCallHandlers(deps: Deps, socket: AppSocket, actions: CallActions): void {
  handle(deps, socket, "agent:set-state", stateInput, (ctx, input) => agents.setState({ ctx, input }));
  handle(deps, socket, "agent:get-state", z.strictObject({}), (ctx) => agents.getState({ ctx }));
  handle(deps, socket, "call:answer", z.strictObject({ offerId: id }), (ctx, i) => actions.answer(ctx, i.offerId));
  handle(deps, socket, "call:decline", z.strictObject({ offerId: id }), (ctx, i) => actions.decline(ctx, i.offerId));
  handle(deps, socket, "call:hangup", callRef, (ctx, i) => actions.hangup(ctx, i.callId));
  handle(deps, socket, "call:hold", z.strictObject({ callId: id, held: z.boolean() }), (ctx, i) => actions.hold(ctx, i.callId, i.held));
  handle(deps, socket, "call:transfer", z.strictObject({ callId: id, to: transferTarget }), (ctx, i) => actions.transfer(ctx, i.callId, i.to));
  handle(deps, socket, "call:consult", z.strictObject({ callId: id, to: consultTarget }), (ctx, i) => actions.consult(ctx, i.callId, i.to));
  handle(deps, socket, "call:consult-complete", callRef, (ctx, i) => actions.consultComplete(ctx, i.callId));
  handle(deps, socket, "call:consult-cancel", callRef, (ctx, i) => actions.consultCancel(ctx, i.callId));
  handle(deps, socket, "call:conference", callRef, (ctx, i) => actions.conference(ctx, i.callId));
  handle(deps, socket, "call:dial", z.strictObject({ toNumber: e164 }), (ctx, i) => actions.dial(ctx, i.toNumber));
  handle(deps, socket, "call:dtmf", z.strictObject({ callId: id, digits: z.string().regex(/^[0-9*#A-D]{1,32}$/, "digits are 0-9, *, #, A-D") }), (ctx, i) =>
    actions.dtmf(ctx, i.callId, i.digits),
  );
  handle(deps, socket, "call:recording", z.strictObject({ callId: id, paused: z.boolean() }), (ctx, i) => actions.recordingPaused(ctx, i.callId, i.paused));
  handle(deps, socket, "call:monitor", z.strictObject({ callId: id, mode: z.enum(["listen", "whisper", "barge"]) }), (ctx, i) => actions.monitor(ctx, i.callId, i.mode));
  handle(deps, socket, "call:monitor-end", callRef, (ctx, i) => actions.monitorEnd(ctx, i.callId));
  handle(deps, socket, "media:transports", callRef, (ctx, i) => actions.media.transports(ctx, i.callId));
  handle(deps, socket, "media:connect", z.strictObject({ callId: id, transportId: z.string().min(1).max(100), dtlsParameters: object }), (ctx, i) =>
    actions.media.connect(ctx, i.callId, i.transportId, i.dtlsParameters),
  );
  handle(deps, socket, "media:produce", z.strictObject({ callId: id, kind: z.string().max(10), rtpParameters: object }), (ctx, i) =>
    actions.media.produce(ctx, i.callId, i.kind, i.rtpParameters),
  );
  handle(deps, socket, "media:capabilities", z.strictObject({ callId: id, rtpCapabilities: object }), (ctx, i) =>
    actions.media.capabilities(ctx, i.callId, i.rtpCapabilities),
  );
}
