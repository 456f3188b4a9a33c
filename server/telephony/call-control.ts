/**
 * Call control: the gateway's events and the agents' actions on one node, each a few lines over
 * the domain verbs (records, routing) and the media plane (legs, music). It holds no routing
 * logic of its own: the dispatcher offers calls, the services change records.
 */
import type { MediaPlane } from "@/media/protocol";
import { sine } from "@/media/rtp/tone";
import type { TransferTarget } from "../realtime/call-handlers";
import type { SpeechProvider } from "../ivr/speech";
import { runIvr } from "./ivr-runner";
import type { CallEvents, GatewayPort, MediaTools } from "./ports";
import { type Ctx, type Deps, actorUserId, systemCtx } from "../context";
import { AppError } from "../errors";
import * as calls from "../services/calls";
import { findOrCreateContactByPhone } from "../services/contacts/internal";
import { recordingPaths } from "../services/recordings/internal";
import { createCallRecording } from "./call-recording";
import { transferInRecords } from "../realtime/call-handlers";
import type { ExtraLegs } from "./extra-legs";
import type { AcceptedCall } from "./inbound-router";
import { createConsults } from "./consult";
import { createNumberTransfer } from "./number-transfer";
import type { LiveCallEntry, LiveCalls } from "./live-calls";

export interface CallControlDeps {
  deps: Deps;
  media: MediaPlane;
  live: LiveCalls;
  gateway: () => GatewayPort;
  /** SIP legs beside the caller's (a number transferred to, a desk phone). */
  legs: ExtraLegs;
  tools: MediaTools;
  speech: SpeechProvider;
  log: (msg: string, e?: unknown) => void;
}

const VOICEMAIL_MAX_MS = 120_000;
const MAX_WAIT_VOICEMAIL = "Sorry to keep you waiting. Please leave a message after the tone, and we will call you back.";
const MAX_WAIT_CALLBACK = "Sorry to keep you waiting. We have your number, and an agent will call you back as soon as possible. Goodbye.";

const SUSPENDED = "We are sorry. This service is not available at the moment. Please try again later. Goodbye.";

export function createCallControl(c: CallControlDeps) {
  const { deps, live } = c;
  const guard = (what: string, work: Promise<unknown>) => void work.catch((e: unknown) => c.log(`${what} failed`, e));
  const music = (callId: string) => {
    const entry = live.get(callId);
    if (!entry?.callerLegId) return;
    entry.stopMusic?.();
    entry.stopMusic = c.tools.playMusic(callId, entry.callerLegId);
  };
  const silenceMusic = (callId: string) => {
    const entry = live.get(callId);
    entry?.stopMusic?.();
    if (entry) entry.stopMusic = undefined;
  };

  const recording = createCallRecording(deps, c.media);
  const { startRecording, storeRecording } = recording;

  const events: CallEvents = {
    onAnswered(callId, info) {
      const entry = live.get(callId);
      if (!entry) return;
      entry.callerLegId = info.legId;
      entry.callerCodec = info.codec;
      const ctx = systemCtx(deps, entry.tenantId);
      guard("recording", startRecording(entry));
      if (entry.outbound) {
        guard("outbound answered", calls.outboundAnswered({ ctx, input: { callId } }));
        return;
      }
      const d = entry.destination;
      if (!d) return;
      if (entry.suspended) {
        guard("suspended", announceThenHangup(entry.tenantId, callId, info.legId, SUSPENDED, "subscription_lapsed"));
        return;
      }
      if (d.type === "flow") {
        guard("ivr", ivr(entry.tenantId, callId, info.legId, d.id));
        return;
      }
      music(callId);
      guard("enqueue", enqueueWithContact(ctx, callId, entry.fromNumber, d.type === "queue" ? { queueId: d.id } : { userId: d.id }));
    },
    onHold(callId, held) {
      if (c.legs.held(callId, held)) return;
      const entry = live.get(callId);
      if (entry) guard("caller hold", calls.setHold({ ctx: systemCtx(deps, entry.tenantId), input: { callId, held, by: "caller" } }));
    },
    onEnded(callId, reason) {
      if (c.legs.ended(callId, reason)) return;
      const entry = live.remove(callId);
      if (!entry) return;
      entry.stopMusic?.();
      guard("extra legs", c.legs.hangupAll(callId, reason));
      guard(
        "end",
        consults.callEnding(entry).then(() => calls.end({ ctx: systemCtx(deps, entry.tenantId), input: { callId, reason } })),
      );
      guard("store recording", storeRecording(entry));
    },
  };

  async function announceThenHangup(tenantId: string, callId: string, legId: string, text: string, reason: string) {
    await c.tools.play(callId, legId, await c.speech.synthesize(text)).done;
    await hangupCall(tenantId, callId, reason);
  }

  /** The caller's contact (made on the fly; a VIP jumps the queue), then the queue. */
  async function enqueueWithContact(ctx: Ctx, callId: string, fromNumber: string, target: { queueId: string } | { userId: string }) {
    const contact = /^\+[1-9]\d{6,14}$/.test(fromNumber) ? await findOrCreateContactByPhone(ctx, fromNumber) : null;
    await calls.enqueue({ ctx, input: { callId, contactId: contact?.id ?? null, ...target } });
  }

  /** The number's IVR flow, then where it sends the caller. */
  async function ivr(tenantId: string, callId: string, legId: string, flowId: string) {
    const outcome = await runIvr(deps, c.tools, c.speech, { callId, tenantId, legId, flowId, ended: () => !live.get(callId) });
    const ctx = systemCtx(deps, tenantId);
    switch (outcome.kind) {
      case "caller_hung_up":
        return;
      case "queue":
        music(callId);
        await enqueueWithContact(ctx, callId, live.get(callId)?.fromNumber ?? "", { queueId: outcome.queueId });
        return;
      case "callback":
        await calls.requestCallback({ ctx, input: { callId, why: "ivr" } });
        await hangupCall(tenantId, callId, "callback_requested");
        return;
      case "voicemail":
        await voicemail(tenantId, callId, legId, "ivr");
        return;
      case "transfer": {
        const entry = live.get(callId);
        if (entry) await toNumber(ctx, entry, outcome.number);
        return;
      }
      default:
        await hangupCall(tenantId, callId, "ivr_hangup");
    }
  }

  /**
   * The caller leaves a message: a beep, then the call is recorded (always, whatever the tenant's
   * recording switch) until they hang up or VOICEMAIL_MAX_MS passes; the record keeps it.
   */
  async function voicemail(tenantId: string, callId: string, legId: string, why: "ivr" | "max_wait", prompt?: string) {
    const entry = live.get(callId);
    if (!entry || entry.voicemail) return;
    entry.voicemail = true;
    await calls.toVoicemail({ ctx: systemCtx(deps, tenantId), input: { callId, why } });
    silenceMusic(callId);
    if (prompt) await c.tools.play(callId, legId, await c.speech.synthesize(prompt)).done;
    await c.tools.play(callId, legId, sine(1000, 400, { amplitude: 0.3 })).done;
    const call = c.media.getCall(callId);
    if (call && !entry.recording) entry.recording = call.record(recordingPaths(deps, tenantId, callId).plain);
    const until = Date.now() + VOICEMAIL_MAX_MS;
    while (live.get(callId) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    if (live.get(callId)) await hangupCall(tenantId, callId, "voicemail_full");
  }

  async function hangupCall(tenantId: string, callId: string, reason: string) {
    const entry = live.remove(callId);
    entry?.stopMusic?.();
    await c.legs.hangupAll(callId, reason).catch((e: unknown) => c.log("hangup extra legs", e));
    await c.gateway().hangup(callId, reason).catch((e: unknown) => c.log("hangup", e));
    if (entry) await consults.callEnding(entry).catch((e: unknown) => c.log("end consult", e));
    await calls.end({ ctx: systemCtx(deps, tenantId), input: { callId, reason } });
    if (entry) await storeRecording(entry);
  }

  /** The agent leaves the call's media, browser or SIP phone (the caller stays). */
  async function dropAgent(entry: LiveCallEntry) {
    const leg = entry.agent?.leg;
    const deskKey = entry.agent?.deskKey;
    live.setAgent(entry, undefined);
    await recording.resumeAfter(entry, "agent_left").catch((e: unknown) => c.log("resume recording", e));
    if (leg) await c.tools.removeLeg(entry.callId, leg.id).catch((e: unknown) => c.log("remove agent leg", e));
    if (deskKey) await c.legs.hangup(deskKey, "transferred").catch((e: unknown) => c.log("hang up desk phone", e));
  }

  /** The record moves first (the database decides who answered), then the call's media. */
  async function takeCall(ctx: Ctx, offerId: string, deskKey?: string) {
    if (consults.owns(offerId)) return consults.answer(ctx, offerId, deskKey);
    const row = await calls.answerOffer({ ctx, input: { offerId } });
    const entry = live.get(row.id);
    if (!entry) {
      await calls.end({ ctx: systemCtx(deps, ctx.tenantId), input: { callId: row.id, reason: "media_lost" } });
      throw new AppError("conflict", "The call is no longer on this node");
    }
    live.setAgent(entry, { userId: actorUserId(ctx) ?? "", leg: null, pending: null, ...(deskKey ? { deskKey } : {}) });
    silenceMusic(row.id);
    return { callId: row.id };
  }

  const toNumber = createNumberTransfer({ legs: c.legs, tools: c.tools, speech: c.speech, hangupCall, dropAgent, live });
  const consults = createConsults({ deps, media: c.media, live, legs: c.legs, tools: c.tools, music, silenceMusic, dropAgent, hangupCall, log: c.log });
  /** The caller is already waiting on a consult: other call controls wait until it is over. */
  const noConsult = (entry: LiveCallEntry) => {
    if (entry.consult) throw new AppError("conflict", "Complete or cancel the consult first");
  };

  return {
    events,
    accepted(call: AcceptedCall) {
      live.add({ callId: call.callId, tenantId: call.tenantId, destination: call.destination, fromNumber: call.fromNumber, suspended: call.suspended });
    },
    /** The agent answers an offer in the browser (their media connects next). */
    answer: (ctx: Ctx, offerId: string) => takeCall(ctx, offerId),
    /** The agent's SIP phone answered the offer; its leg (`deskKey`) is already in the call. */
    answerOnDesk: (ctx: Ctx, offerId: string, deskKey: string) => takeCall(ctx, offerId, deskKey),
    /** The agent hung up their SIP phone: the call ends as if they pressed Hang up. */
    async deskHungUp(tenantId: string, callId: string, deskKey: string) {
      if (live.get(callId)?.agent?.deskKey === deskKey) await hangupCall(tenantId, callId, "agent_hangup");
    },
    async decline(ctx: Ctx, offerId: string) {
      await calls.declineOffer({ ctx, input: { offerId } });
    },
    /**
     * Hang up: a consulted agent leaves the consult; the agent of a consult that was answered
     * leaves the others together (completes the transfer); otherwise the call ends.
     */
    async hangup(ctx: Ctx, callId: string) {
      if (await consults.partyHangup(ctx, callId)) return;
      const entry = live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId);
      if (entry.consult && entry.consult.state !== "ringing") return consults.complete(ctx, callId);
      await hangupCall(ctx.tenantId, callId, "agent_hangup");
    },
    consult: consults.start,
    consultComplete: consults.complete,
    consultCancel: consults.cancel,
    conference: consults.conference,
    /** A consult offer that ended unanswered (from the offers sent to users). */
    consultOfferEnded: consults.offerEnded,
    /**
     * Blind transfer: the agent leaves the call; the caller hears music while it rings for another
     * agent or queue, or ringback while the number is dialled.
     */
    async transfer(ctx: Ctx, callId: string, to: TransferTarget) {
      const entry: LiveCallEntry = live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId);
      noConsult(entry);
      if (to.type === "number") {
        await toNumber(ctx, entry, to.number);
        return;
      }
      await transferInRecords(ctx, callId, to);
      await dropAgent(entry);
      music(callId);
    },
    /** Pause recording while the caller reads out card digits, or resume it. */
    async recordingPaused(ctx: Ctx, callId: string, paused: boolean) {
      return recording.setPaused(ctx, live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId), paused);
    },
    async dtmf(ctx: Ctx, callId: string, digits: string) {
      const entry = live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId);
      if (!entry.callerLegId) throw new AppError("conflict", "The far end is not connected yet");
      await c.tools.sendDtmf(callId, entry.callerLegId, digits);
    },
    /** Click-to-call: the record first, media ready for the agent's browser, then the trunk dials. */
    async dial(ctx: Ctx, toNumber: string) {
      const { call, dial } = await calls.startOutbound({ ctx, input: { toNumber } });
      const userId = actorUserId(ctx) ?? "";
      try {
        await c.media.createCall(call.id);
      } catch (e) {
        await calls.end({ ctx: systemCtx(deps, ctx.tenantId), input: { callId: call.id, reason: "media_failed" } });
        throw e;
      }
      live.add({ callId: call.id, tenantId: ctx.tenantId, destination: null, outbound: true, fromNumber: call.fromNumber, agent: { userId, leg: null, pending: null } });
      void c
        .gateway()
        .dial({ callId: call.id, target: dial.target, toUser: toNumber, fromUser: dial.fromUser, auth: dial.auth })
        .then((leg) => events.onAnswered(call.id, leg))
        .catch((e: unknown) => {
          const reason = typeof (e as { reason?: unknown }).reason === "string" ? (e as { reason: string }).reason : "unreachable";
          c.media.getCall(call.id)?.close(reason);
          events.onEnded(call.id, reason);
        });
      return { callId: call.id };
    },
    async hold(ctx: Ctx, callId: string, held: boolean) {
      noConsult(live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId));
      await calls.setHold({ ctx, input: { callId, held, by: "agent" } });
      if (held) music(callId);
      else silenceMusic(callId);
    },
    /** Callers who waited past their queue's maximum: a callback ticket or voicemail, then goodbye. */
    async checkMaxWait() {
      for (const due of await calls.maxWaitDue(deps)) {
        const ctx = systemCtx(deps, due.tenantId);
        const legId = live.get(due.id)?.callerLegId;
        if (due.action === "voicemail" && legId) {
          guard("voicemail", voicemail(due.tenantId, due.id, legId, "max_wait", MAX_WAIT_VOICEMAIL));
          continue;
        }
        if (due.action === "callback") {
          await calls.requestCallback({ ctx, input: { callId: due.id, why: "max_wait", queueName: due.queueName, maxWaitSec: due.maxWaitSec } });
          if (legId) {
            // Out of the queue at once (no agent is offered it now), then the caller is told before the line drops.
            await calls.end({ ctx, input: { callId: due.id, reason: "callback_requested" } });
            silenceMusic(due.id);
            guard("callback", announceThenHangup(due.tenantId, due.id, legId, MAX_WAIT_CALLBACK, "callback_requested"));
            continue;
          }
        }
        await hangupCall(due.tenantId, due.id, due.action === "callback" ? "callback_requested" : "max_wait");
      }
    },
    /** Live calls whose records another node ended (it had declared this node lost) end here too. */
    async endEndedElsewhere() {
      const ended = await calls.endedAmong(deps, live.all().map((e) => e.callId));
      for (const entry of live.all()) if (ended.has(entry.callId)) await hangupCall(entry.tenantId, entry.callId, "node_lost").catch((e: unknown) => c.log("end a call ended elsewhere", e));
    },
    /** Graceful drain: every live call on this node is ended with BYE and recorded, and every recording stored. */
    async shutdown() {
      for (const entry of live.all()) await hangupCall(entry.tenantId, entry.callId, "shutdown").catch((e: unknown) => c.log("shutdown", e));
      // Calls that ended just before are still sealing their recordings: the database must wait.
      await recording.settled();
    },
  };
}

export type CallControl = ReturnType<typeof createCallControl>;
