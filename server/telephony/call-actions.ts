import type { DtlsParameters, RtpCapabilities, RtpParameters } from "mediasoup/types";
import { type Ctx, actorUserId } from "../context";
import type { CallActions } from "../realtime/call-handlers";
import type { Telephony } from "./telephony";

/** The agents' Socket.IO verbs over this node's telephony. */
export function telephonyActions(t: Telephony): CallActions {
  const who = (ctx: Ctx) => ({ tenantId: ctx.tenantId, userId: actorUserId(ctx) ?? "" });
  return {
    answer: (ctx, offerId) => t.control.answer(ctx, offerId),
    decline: (ctx, offerId) => t.control.decline(ctx, offerId),
    hangup: (ctx, callId) => t.control.hangup(ctx, callId),
    hold: (ctx, callId, held) => t.control.hold(ctx, callId, held),
    transfer: (ctx, callId, to) => t.control.transfer(ctx, callId, to),
    consult: (ctx, callId, to) => t.control.consult(ctx, callId, to),
    consultComplete: (ctx, callId) => t.control.consultComplete(ctx, callId),
    consultCancel: (ctx, callId) => t.control.consultCancel(ctx, callId),
    conference: (ctx, callId) => t.control.conference(ctx, callId),
    dial: (ctx, toNumber) => t.control.dial(ctx, toNumber),
    dtmf: (ctx, callId, digits) => t.control.dtmf(ctx, callId, digits),
    recordingPaused: (ctx, callId, paused) => t.control.recordingPaused(ctx, callId, paused),
    monitor: (ctx, callId, mode) => t.monitoring.start(ctx, callId, mode),
    monitorEnd: (ctx, callId) => t.monitoring.stop(ctx, callId),
    media: {
      transports: (ctx, callId) => t.agentMedia.transports(who(ctx), callId),
      // The shapes are mediasoup-client's; mediasoup checks them and answers a MediaError.
      connect: (ctx, callId, transportId, dtls) => t.agentMedia.connect(who(ctx), callId, transportId, dtls as DtlsParameters),
      produce: (ctx, callId, kind, rtp) => t.agentMedia.produce(who(ctx), callId, kind, rtp as RtpParameters),
      capabilities: (ctx, callId, caps) => t.agentMedia.capabilities(who(ctx), callId, caps as RtpCapabilities),
    },
  };
}
