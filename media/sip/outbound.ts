/**
 * An outbound call (`dial`): INVITE offering PCMU and PCMA (or the codecs asked for) on a fresh
 * RTP anchor; 180/183 report progress (183 with SDP sets the media up early); 200 is ACKed and
 * the leg joins the call's MediaCall; the promise is the outcome (no onAnswered/onEnded for it,
 * onEnded only for later ends: BYE, RTP timeout). Failures become a DialError: 486/600 busy, 408/480/487 or
 * our own timeout no_answer, no response at all or a transport error unreachable, anything
 * else rejected. Digest challenges are answered by sip.js with `auth`.
 */
import { type DialOptions, DialError } from "./api";
import type { GatewayContext } from "./context";
import { sdpBody } from "./context";
import { attachSession } from "./in-dialog";
import { RtpAnchor } from "./rtp-anchor";
import { type RemoteAudio, buildOffer, parseOffer } from "./sdp";
import { Core } from "./sip-core";

/** With no response at all this long, the target is unreachable (UDP hides ICMP errors). */
const NO_RESPONSE_MS = 4000;

export async function dial(ctx: GatewayContext, o: DialOptions): Promise<{ legId: string; codec: "pcmu" | "pcma" }> {
  if (ctx.closing) throw new DialError("rejected", "the gateway is closing");
  if (ctx.calls.has(o.callId)) throw new DialError("rejected", `call ${o.callId} already has a SIP leg`);
  const anchor = await RtpAnchor.open({ listenIp: ctx.o.rtpListenIp, remote: { ip: "0.0.0.0", port: 9, telephoneEvent: null }, onDtmf: (d) => ctx.o.events.onDtmf?.(o.callId, d) });
  const { host, port, transport } = o.target;
  const ruri = new Core.URI("sip", o.toUser, host, port, transport === "tcp" ? { transport: "tcp" } : {});
  const from = new Core.URI("sip", o.fromUser, ctx.sipIp);
  const to = new Core.URI("sip", o.toUser, host, port);
  const contact = `Contact: <sip:hotline@${ctx.sipIp}:${ctx.transport.port}${transport === "tcp" ? ";transport=tcp" : ""}>`;
  const offer = buildOffer({ ip: ctx.sdpIp, port: anchor.port, sessionId: Math.floor(Math.random() * 1e9), codecs: o.codecs });
  const message = ctx.core.makeOutgoingRequestMessage("INVITE", ruri, from, to, { fromDisplayName: o.fromDisplayName, forceRport: true, hackViaTcp: transport === "tcp" }, [contact], sdpBody(offer));
  const call = ctx.newCall(o.callId, message.callId, "outbound");
  call.anchor = anchor;
  const mediaCallId = o.mediaCallId ?? o.callId;
  call.joined = mediaCallId !== o.callId;
  if (o.auth) ctx.dialAuth.set(message.callId, o.auth);

  return new Promise((resolve, reject) => {
    let responded = false;
    let settled = false;
    const fail = (reason: DialError["reason"], msg: string, status?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(silence);
      ctx.dialAuth.delete(message.callId);
      call.end(reason, { wire: reason === "no_answer", detail: msg, notify: false });
      reject(new DialError(reason, msg, status));
    };
    const timer = setTimeout(() => (responded ? fail("no_answer", "no answer before the timeout") : fail("unreachable", `no response from ${host}:${port}`)), o.timeoutMs ?? 30_000);
    const silence = setTimeout(() => {
      if (!responded) fail("unreachable", `no response from ${host}:${port}`);
    }, Math.min(NO_RESPONSE_MS, o.timeoutMs ?? NO_RESPONSE_MS));

    let mediaReady: Promise<void> | undefined;
    const setupMedia = (remote: RemoteAudio): Promise<void> => {
      anchor.update({ ip: remote.ip, port: remote.port, telephoneEvent: remote.telephoneEvent });
      mediaReady ??= createLeg(remote);
      return mediaReady;
    };
    const createLeg = async (remote: RemoteAudio) => {
      call.codec = remote.codec;
      call.payloadType = remote.payloadType;
      const existing = ctx.o.media.getCall(mediaCallId);
      if (!existing && call.joined) throw new Error(`call ${mediaCallId} has no media to join`);
      call.ownsMedia = !existing;
      call.media = existing ?? (await ctx.o.media.createCall(mediaCallId));
      const leg = await call.media.addPlainLeg({ codec: remote.codec, listenIp: ctx.o.rtpListenIp });
      call.leg = leg;
      anchor.setMedia(leg.local);
      await leg.connect({ ip: anchor.ip, port: anchor.port, ssrc: anchor.ssrc });
    };
    const remoteOf = (m: Core.IncomingResponseMessage): RemoteAudio | undefined => {
      if (!m.body) return undefined;
      try {
        return parseOffer(m.body, o.codecs);
      } catch {
        return undefined;
      }
    };

    const request = ctx.core.invite(message, {
      onTrying: () => {
        responded = true;
      },
      onProgress: (r) => {
        responded = true;
        const status = r.message.statusCode;
        if (status !== 180 && status !== 183) return;
        const remote = remoteOf(r.message);
        if (remote) setupMedia(remote).catch((err: unknown) => ctx.log("warn", "early media failed", { callId: o.callId, error: (err as Error).message }));
        o.onProgress?.({ status, earlyMedia: Boolean(remote) });
      },
      onAccept: (r) => {
        responded = true;
        r.ack();
        if (settled) {
          r.session.bye();
          return;
        }
        const remote = remoteOf(r.message);
        if (!remote) {
          r.session.bye();
          fail("rejected", "the answer has no usable SDP (PCMU/PCMA)");
          return;
        }
        settled = true;
        clearTimeout(timer);
        clearTimeout(silence);
        ctx.dialAuth.delete(message.callId);
        attachSession(ctx, call, r.session);
        setupMedia(remote).then(
          () => {
            if (call.ended || !call.leg || !call.codec) return;
            call.state = "answered";
            call.anchor?.update({ ip: remote.ip, port: remote.port, telephoneEvent: remote.telephoneEvent });
            resolve({ legId: call.leg.id, codec: call.codec });
          },
          (err: unknown) => {
            call.state = "answered";
            call.end("media_error", { wire: true, detail: (err as Error).message, notify: false });
            reject(new DialError("rejected", `media setup failed: ${(err as Error).message}`));
          },
        );
      },
      onReject: (r) => {
        const status = r.message.statusCode ?? 0;
        const internal = !r.message.callId; // sip.js makes up 408/503 on timeouts and transport errors
        if (!internal) responded = true;
        if (status === 486 || status === 600) fail("busy", `busy (${status})`, status);
        else if (internal && (status === 503 || !responded)) fail("unreachable", `cannot reach ${host}:${port}`, status);
        else if (status === 408 || status === 480 || status === 487) fail("no_answer", `no answer (${status})`, status);
        else fail("rejected", `rejected (${status} ${r.message.reasonPhrase ?? ""})`, status);
      },
    });
    call.cancelEarly = () => request.cancel();
  });
}

/** sip.js's credentials for a 401/407 on an outbound call, chosen by its Call-ID. */
export function authFor(ctx: GatewayContext, sipCallId: string, loggerFactory: Core.LoggerFactory): Core.DigestAuthentication | undefined {
  const auth = ctx.dialAuth.get(sipCallId);
  return auth ? new Core.DigestAuthentication(loggerFactory, undefined, auth.username, auth.password) : undefined;
}
