/**
 * An inbound INVITE: 100 Trying at once, 503 when full, 488 for SDP we cannot use, then the
 * router decides (reject, challenge with a stateless nonce, or accept) before any call object
 * exists. Accepted calls get a MediaCall, a plain leg behind an RTP anchor, and a 200 OK.
 */
import type { InboundInvite } from "./api";
import type { GatewayContext } from "./context";
import { BUSY, sdpBody, turningAway } from "./context";
import { parseAuthorization, verifyDigest } from "./digest";
import { attachSession } from "./in-dialog";
import { RtpAnchor } from "./rtp-anchor";
import { type RemoteAudio, SdpError, buildSdp, parseOffer } from "./sdp";
import type { Core } from "./sip-core";
import type { Incoming } from "./transport";

export async function handleInvite(ctx: GatewayContext, req: Core.IncomingInviteRequest): Promise<void> {
  const m = req.message;
  let cancelled = false;
  req.delegate = {
    onCancel: () => {
      cancelled = true;
      safe(() => req.reject({ statusCode: 487 }));
    },
  };
  safe(() => req.trying());
  if (turningAway(ctx)) {
    safe(() => req.reject(BUSY));
    return;
  }
  let offer: RemoteAudio;
  try {
    offer = parseOffer(m.body ?? "");
  } catch (err) {
    const reason = err instanceof SdpError ? err.message : "bad SDP";
    safe(() => req.reject({ statusCode: 488, reasonPhrase: "Not Acceptable Here", extraHeaders: [`Warning: 399 hotline "${reason}"`] }));
    return;
  }
  ctx.pending++;
  try {
    const decision = await ctx.o.router.route(describe(ctx, m));
    if (cancelled) {
      if ("accept" in decision) ctx.o.events.onEnded(decision.accept.callId, "cancelled");
      return;
    }
    if ("reject" in decision) {
      safe(() => req.reject({ statusCode: decision.reject.status, reasonPhrase: decision.reject.reason }));
      return;
    }
    if ("challenge" in decision) {
      const realm = decision.challenge.realm.replace(/"/g, "");
      const header = `WWW-Authenticate: Digest realm="${realm}", nonce="${ctx.nonces.issue()}", algorithm=MD5, qop="auth"`;
      safe(() => req.reject({ statusCode: 401, extraHeaders: [header] }));
      return;
    }
    await answer(ctx, req, offer, decision.accept.callId, () => cancelled);
  } catch (err) {
    ctx.log("error", "inbound INVITE failed", { sipCallId: m.callId, error: (err as Error).message });
    if (!cancelled) safe(() => req.reject({ statusCode: 500 }));
  } finally {
    ctx.pending--;
  }
}

async function answer(ctx: GatewayContext, req: Core.IncomingInviteRequest, offer: RemoteAudio, callId: string, isCancelled: () => boolean): Promise<void> {
  if (ctx.calls.has(callId)) throw new Error(`call ${callId} already has a SIP leg`);
  const call = ctx.newCall(callId, req.message.callId, "inbound");
  call.cancelEarly = () => safe(() => req.reject({ statusCode: 487 }));
  call.codec = offer.codec;
  call.payloadType = offer.payloadType;
  try {
    const existing = ctx.o.media.getCall(callId);
    call.ownsMedia = !existing;
    call.media = existing ?? (await ctx.o.media.createCall(callId));
    call.leg = await call.media.addPlainLeg({ codec: offer.codec, listenIp: ctx.o.rtpListenIp });
    call.anchor = await RtpAnchor.open({
      listenIp: ctx.o.rtpListenIp,
      media: call.leg.local,
      remote: { ip: offer.ip, port: offer.port, telephoneEvent: offer.telephoneEvent },
      onDtmf: (digit) => ctx.o.events.onDtmf?.(callId, digit),
    });
    await call.leg.connect({ ip: call.anchor.ip, port: call.anchor.port, ssrc: call.anchor.ssrc });
  } catch (err) {
    call.end(isCancelled() ? "cancelled" : "media_error", { wire: false, detail: (err as Error).message });
    if (!isCancelled()) safe(() => req.reject({ statusCode: 503, reasonPhrase: "Media Unavailable" }));
    return;
  }
  if (isCancelled() || call.ended) {
    call.end("cancelled", { wire: false });
    return;
  }
  call.held = offer.direction === "sendonly" || offer.direction === "inactive";
  const sdp = buildSdp({ ip: ctx.sdpIp, port: call.anchor.port, sessionId: call.sdpSessionId, version: call.sdpVersion, codec: offer.codec, payloadType: offer.payloadType, telephoneEvent: offer.telephoneEvent, direction: "sendrecv", answerTo: offer.direction });
  const res = req.accept({ statusCode: 200, body: sdpBody(sdp) });
  call.state = "answered";
  attachSession(ctx, call, res.session);
  ctx.o.events.onAnswered(callId, { legId: call.leg.id, codec: offer.codec });
}

function describe(ctx: GatewayContext, m: Core.IncomingRequestMessage): InboundInvite {
  const source = (m as Incoming).source ?? { ip: "", port: 0, transport: "udp" as const };
  const invite: InboundInvite = {
    sipCallId: m.callId,
    source,
    requestUser: m.ruri?.user ?? "",
    toUser: m.to.uri.user ?? "",
    fromUser: m.from.uri.user ?? "",
  };
  if (m.from.displayName) invite.fromDisplayName = m.from.displayName;
  const creds = parseAuthorization(m.getHeader("Authorization") ?? m.getHeader("Proxy-Authorization"));
  if (creds) invite.digest = { username: creds.username, verify: (password) => ctx.nonces.valid(creds.nonce) && verifyDigest(creds, "INVITE", password) };
  return invite;
}

export function sourceTransport(m: Core.IncomingRequestMessage): "udp" | "tcp" {
  return (m as Incoming).source?.transport ?? "udp";
}

export function safe(f: () => unknown): void {
  try {
    f();
  } catch {
    // The transaction already ended (e.g. CANCEL raced a final response).
  }
}
