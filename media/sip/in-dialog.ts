/**
 * Requests inside an answered call's dialog: BYE from the far end (200, caller_hangup) and
 * re-INVITE (hold with a=sendonly/inactive, resume with sendrecv; a new address moves the
 * anchor; one with nothing new is a session refresh). The codec of a call does not change: a
 * re-offer without it gets 488. Any accepted re-INVITE shows the far end is alive, so the
 * stale-call guard (no RTP for rtpTimeoutMs) starts over.
 */
import type { GatewayContext } from "./context";
import { sdpBody } from "./context";
import { safe } from "./inbound";
import { SdpError, buildSdp, parseOffer } from "./sdp";
import type { SipCall } from "./sip-call";
import type { Core } from "./sip-core";

export function attachSession(ctx: GatewayContext, call: SipCall, session: Core.Session): void {
  call.session = session;
  session.delegate = {
    onBye: (req) => {
      safe(() => req.accept());
      call.end(call.direction === "inbound" ? "caller_hangup" : "remote_hangup", { wire: false });
    },
    onInvite: (req) => reInvite(ctx, call, req),
    onAckTimeout: () => call.end("ack_timeout", { wire: true }),
  };
}

function reInvite(ctx: GatewayContext, call: SipCall, req: Core.IncomingInviteRequest): void {
  if (!call.codec || !call.anchor) {
    safe(() => req.reject({ statusCode: 491 }));
    return;
  }
  const body = req.message.body;
  let direction: "sendrecv" | "sendonly" | "recvonly" | "inactive" = "sendrecv";
  if (body) {
    try {
      const offer = parseOffer(body, [call.codec]);
      call.anchor.update({ ip: offer.ip, port: offer.port, telephoneEvent: offer.telephoneEvent });
      call.payloadType = offer.payloadType;
      direction = offer.direction;
    } catch (err) {
      const reason = err instanceof SdpError ? err.message : "bad SDP";
      safe(() => req.reject({ statusCode: 488, extraHeaders: [`Warning: 399 hotline "${reason}"`] }));
      return;
    }
  }
  call.sdpVersion++;
  const sdp = buildSdp({
    ip: ctx.sdpIp,
    port: call.anchor.port,
    sessionId: call.sdpSessionId,
    version: call.sdpVersion,
    codec: call.codec,
    payloadType: call.payloadType,
    telephoneEvent: call.anchor.telephoneEvent,
    direction: "sendrecv",
    answerTo: direction,
  });
  try {
    req.accept({ statusCode: 200, body: sdpBody(sdp) });
  } catch (err) {
    ctx.log("warn", "re-INVITE answer failed", { callId: call.callId, error: (err as Error).message });
    return;
  }
  call.anchor.lastInboundAt = Date.now();
  const held = direction === "sendonly" || direction === "inactive";
  if (held !== call.held) {
    call.held = held;
    ctx.o.events.onHold(call.callId, held);
  }
}
