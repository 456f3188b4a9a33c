/**
 * The SIP gateway: sip.js's core speaks SIP (transactions, dialogs, retransmissions of 2xx),
 * our transport carries it over UDP and TCP, each call's audio goes through an RTP anchor into
 * a mediasoup PlainTransport leg. Inbound: 100 at once, SDP checked (488), the server's router
 * decides (403/404/401 challenge/accept) before any call object exists, 200 with our SDP,
 * BYE/CANCEL/re-INVITE (hold) handled. Outbound: INVITE with digest auth, 180/183, answer or a
 * DialError with a clear reason.
 */
import { randomInt, randomUUID } from "node:crypto";
import { buildDtmf } from "../rtp/dtmf";
import { buildRtp } from "../rtp/packet";
import type { MediaLeg } from "../protocol";
import { DialError, type GatewayEvents, type InboundInvite, type SipEndReason, type SipGateway, type SipGatewayOptions, type SipTarget } from "./api";
import { acceptAnyUser, makeCore } from "./core-factory";
import { createNonces, parseAuthorization, verifyDigest } from "./digest";
import { RtpAnchor } from "./rtp-anchor";
import { type Direction, type RemoteAudio, SdpError, buildOffer, buildSdp, parseOffer } from "./sdp";
import { Core, URI } from "./sip-core";
import { type Incoming, SipTransport } from "./transport";

interface Leg {
  callId: string;
  sipCallId: string;
  core: Core.UserAgentCore;
  anchor: RtpAnchor;
  media?: MediaLeg;
  codec: "pcmu" | "pcma";
  payloadType: number;
  session?: Core.Session;
  /** Until the final response: an inbound INVITE to reject, or our INVITE to cancel. */
  pendingIn?: Core.IncomingInviteRequest;
  pendingOut?: Core.OutgoingInviteRequest;
  held: boolean;
  sessionId: number;
  sdpVersion: number;
  ended: boolean;
}

const sdpBody = (content: string): Core.Body => ({ contentDisposition: "session", contentType: "application/sdp", content });
const isHold = (d: Direction) => d === "sendonly" || d === "inactive";

export async function createSipGateway(o: SipGatewayOptions): Promise<SipGateway> {
  const log = o.log ?? (() => {});
  const loggerFactory = new Core.LoggerFactory();
  loggerFactory.builtinEnabled = false;
  loggerFactory.level = Core.Levels.error;
  loggerFactory.connector = (level, category, _label, content) => log(level === "error" ? "error" : "warn", `[sip.js ${category}] ${String(content)}`);
  const logger = loggerFactory.getLogger("hotline.sip");
  const nonces = createNonces();
  const events: GatewayEvents = o.events;
  const rtpTimeoutMs = o.rtpTimeoutMs ?? 60_000;
  const legs = new Map<string, Leg>(); // by our call id
  const bySipCallId = new Map<string, Leg>();
  const outboundCores = new Map<string, Core.UserAgentCore>(); // SIP Call-ID -> its core
  let closed = false;

  const transport = await SipTransport.listen(o.host, o.port, (m) => dispatch(m), logger);
  const advertised = o.publicIp ?? (o.host === "0.0.0.0" ? "127.0.0.1" : o.host);
  const rtpAdvertised = o.rtpAnnouncedIp ?? o.rtpListenIp;
  const core = makeCore({ transport, advertisedHost: advertised, port: transport.port, loggerFactory, delegate: { onInvite: (req) => void onInvite(req) } });

  function dispatch(m: Incoming): void {
    if (m instanceof Core.IncomingResponseMessage) {
      (outboundCores.get(m.callId) ?? core).receiveIncomingResponseFromTransport(m);
      return;
    }
    const own = outboundCores.get(m.callId);
    if (own) return own.receiveIncomingRequestFromTransport(m);
    acceptAnyUser(core, m, advertised, transport.port);
    core.receiveIncomingRequestFromTransport(m);
  }

  /** Ends a leg once: media, anchor, maps; `notify` tells the server (not when it asked). */
  function finish(leg: Leg, reason: SipEndReason, notify: boolean, detail?: string): void {
    if (leg.ended) return;
    leg.ended = true;
    leg.anchor.close();
    legs.delete(leg.callId);
    bySipCallId.delete(leg.sipCallId);
    outboundCores.delete(leg.sipCallId);
    o.media.getCall(leg.callId)?.close(reason);
    leg.session?.dispose();
    if (notify) events.onEnded(leg.callId, reason, detail);
  }

  async function newAnchor(callId: string, remote: RemoteAudio | null, onDtmf: (d: string) => void) {
    return RtpAnchor.open({
      listenIp: o.rtpListenIp,
      media: { ip: "0.0.0.0", port: 0 },
      remote: remote ? { ip: remote.ip, port: remote.port, telephoneEvent: remote.telephoneEvent } : { ip: "0.0.0.0", port: 9, telephoneEvent: null },
      onDtmf: (d) => {
        onDtmf(d);
        events.onDtmf?.(callId, d);
      },
    });
  }

  /** The mediasoup leg behind an anchor, created once the codec is known. */
  async function attachMedia(leg: Leg): Promise<MediaLeg> {
    const call = o.media.getCall(leg.callId) ?? (await o.media.createCall(leg.callId));
    const media = await call.addPlainLeg({ codec: leg.codec, listenIp: o.rtpListenIp });
    leg.anchor.setMedia(media.local);
    await media.connect({ ip: o.rtpListenIp, port: leg.anchor.port, ssrc: leg.anchor.ssrc });
    leg.media = media;
    return media;
  }

  function reinviteDelegate(leg: Leg): Core.SessionDelegate {
    return {
      onBye(bye) {
        bye.accept();
        finish(leg, "caller_hangup", true);
      },
      onInvite(request) {
        let remote: RemoteAudio;
        try {
          remote = parseOffer(request.message.body, [leg.codec]);
        } catch {
          request.reject({ statusCode: 488 });
          return;
        }
        leg.anchor.update({ ip: remote.ip, port: remote.port, telephoneEvent: remote.telephoneEvent });
        const held = isHold(remote.direction);
        leg.sdpVersion++;
        request.accept({
          statusCode: 200,
          body: sdpBody(buildSdp({ ip: rtpAdvertised, port: leg.anchor.port, sessionId: leg.sessionId, version: leg.sdpVersion, codec: leg.codec, payloadType: leg.payloadType, telephoneEvent: remote.telephoneEvent ?? 101, direction: "sendrecv", answerTo: remote.direction })),
        });
        if (held !== leg.held) {
          leg.held = held;
          events.onHold(leg.callId, held);
        }
      },
      onAckTimeout() {
        finish(leg, "ack_timeout", true);
      },
    };
  }

  async function onInvite(req: Core.IncomingInviteRequest): Promise<void> {
    const m = req.message as Incoming & Core.IncomingRequestMessage;
    try {
      req.trying();
    } catch {
      return;
    }
    if (closed) return void req.reject({ statusCode: 503, extraHeaders: ["Retry-After: 30"] });
    if (legs.size >= o.maxCalls) return void req.reject({ statusCode: 503, reasonPhrase: "Service Unavailable", extraHeaders: ["Retry-After: 5"] });
    let offer: RemoteAudio;
    try {
      offer = parseOffer(m.body);
    } catch (e) {
      return void req.reject({ statusCode: 488, reasonPhrase: e instanceof SdpError ? "Not Acceptable Here" : "Bad SDP" });
    }
    const source = m.source ?? { ip: "0.0.0.0", port: 0, transport: "udp" as const };
    const credentials = parseAuthorization(m.getHeader("Authorization") ?? m.getHeader("Proxy-Authorization"));
    const invite: InboundInvite = {
      sipCallId: m.callId,
      source,
      requestUser: m.ruri?.user ?? "",
      toUser: m.to.uri.user ?? "",
      fromUser: m.from.uri.user ?? "",
      fromDisplayName: m.from.displayName || undefined,
      digest: credentials ? { username: credentials.username, verify: (pw) => nonces.valid(credentials.nonce) && verifyDigest(credentials, "INVITE", pw) } : undefined,
    };
    let cancelled = false;
    let acceptedCallId: string | null = null;
    req.delegate = {
      onCancel() {
        cancelled = true;
        try {
          req.reject({ statusCode: 487 });
        } catch {
          /* already final */
        }
        const leg = acceptedCallId ? legs.get(acceptedCallId) : undefined;
        if (leg) finish(leg, "cancelled", true);
      },
    };
    const decision = await o.router.route(invite).catch((e: unknown) => {
      log("error", `router failed: ${(e as Error).message}`);
      return { reject: { status: 503 as const, reason: "Service Unavailable" } };
    });
    if ("reject" in decision) {
      if (!cancelled) req.reject({ statusCode: decision.reject.status, reasonPhrase: decision.reject.reason });
      return;
    }
    if ("challenge" in decision) {
      if (!cancelled) req.reject({ statusCode: 401, extraHeaders: [`WWW-Authenticate: Digest realm="${decision.challenge.realm}", nonce="${nonces.issue()}", algorithm=MD5`] });
      return;
    }
    const callId = decision.accept.callId;
    if (cancelled) return void events.onEnded(callId, "cancelled");
    acceptedCallId = callId;
    let leg: Leg | undefined;
    try {
      const anchor = await newAnchor(callId, offer, () => undefined);
      leg = { callId, sipCallId: m.callId, core, anchor, codec: offer.codec, payloadType: offer.payloadType, held: isHold(offer.direction), sessionId: randomInt(1, 2 ** 31), sdpVersion: 1, ended: false, pendingIn: req };
      legs.set(callId, leg);
      bySipCallId.set(m.callId, leg);
      await attachMedia(leg);
    } catch (e) {
      log("error", `media for call ${callId} failed: ${(e as Error).message}`);
      if (!cancelled) req.reject({ statusCode: 503, extraHeaders: ["Retry-After: 5"] });
      if (leg) finish(leg, "media_failed", true);
      else events.onEnded(callId, "media_failed");
      return;
    }
    if (cancelled || leg.ended) return;
    const answer = buildSdp({ ip: rtpAdvertised, port: leg.anchor.port, sessionId: leg.sessionId, version: 1, codec: leg.codec, payloadType: leg.payloadType, telephoneEvent: offer.telephoneEvent ?? 101, direction: "sendrecv", answerTo: offer.direction });
    const response = req.accept({ statusCode: 200, body: sdpBody(answer) });
    leg.pendingIn = undefined;
    leg.session = response.session;
    response.session.delegate = reinviteDelegate(leg);
    events.onAnswered(callId, { legId: leg.media?.id ?? "", codec: leg.codec });
  }

  // The stale-call guard and media the worker lost.
  const guard = setInterval(() => {
    const now = Date.now();
    for (const leg of [...legs.values()]) {
      if (!leg.session || leg.ended) continue;
      const call = o.media.getCall(leg.callId);
      if (!call || call.ended) {
        void hangupLeg(leg, call?.ended === "media_worker_died" ? "media_worker_died" : "media_lost", true);
      } else if (!leg.held && now - leg.anchor.lastInboundAt > rtpTimeoutMs) {
        void hangupLeg(leg, "rtp_timeout", true);
      }
    }
  }, Math.min(2000, rtpTimeoutMs / 2));
  guard.unref();

  async function hangupLeg(leg: Leg, reason: SipEndReason, notify: boolean): Promise<void> {
    if (leg.ended) return;
    try {
      if (leg.session) leg.session.bye();
      else if (leg.pendingIn) leg.pendingIn.reject({ statusCode: 487 });
      else if (leg.pendingOut) leg.pendingOut.cancel();
    } catch (e) {
      log("warn", `ending call ${leg.callId}: ${(e as Error).message}`);
    }
    finish(leg, reason, notify);
  }

  return {
    get port() {
      return transport.port;
    },
    async hangup(callId, reason = "agent_hangup") {
      const leg = legs.get(callId);
      if (leg) await hangupLeg(leg, reason, false);
      else o.media.getCall(callId)?.close(reason);
    },
    dial(d) {
      return new Promise((resolve, reject) => {
        const sipCallId = randomUUID();
        const dialCore = makeCore({ transport, advertisedHost: advertised, port: transport.port, loggerFactory, auth: d.auth });
        outboundCores.set(sipCallId, dialCore);
        let settled = false;
        let progressed = false;
        let leg: Leg | undefined;
        const fail = (reason: DialError["reason"], message: string, status?: number) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (leg) finish(leg, reason, false);
          outboundCores.delete(sipCallId);
          reject(new DialError(reason, message, status));
        };
        const timer = setTimeout(() => {
          try {
            leg?.pendingOut?.cancel();
          } catch {
            /* final already */
          }
          // Without even a provisional response the far end is not there at all.
          if (progressed) fail("no_answer", `no answer within ${Math.round((d.timeoutMs ?? 60_000) / 1000)} s`);
          else fail("unreachable", `no response from ${d.target.host}:${d.target.port}`);
        }, d.timeoutMs ?? 60_000);
        void (async () => {
          const anchor = await newAnchor(d.callId, null, () => undefined);
          leg = { callId: d.callId, sipCallId, core: dialCore, anchor, codec: "pcmu", payloadType: 0, held: false, sessionId: randomInt(1, 2 ** 31), sdpVersion: 1, ended: false };
          legs.set(d.callId, leg);
          const target = `sip:${d.toUser}@${d.target.host}:${d.target.port}${d.target.transport === "tcp" ? ";transport=tcp" : ""}`;
          const message = dialCore.makeOutgoingRequestMessage(
            "INVITE",
            new URI("sip", d.toUser, d.target.host, d.target.port, d.target.transport === "tcp" ? { transport: "tcp" } : {}),
            new URI("sip", d.fromUser, advertised, transport.port),
            new URI("sip", d.toUser, d.target.host, d.target.port),
            { callId: sipCallId, fromDisplayName: d.fromDisplayName },
            [`Contact: <sip:hotline@${advertised}:${transport.port}>`, "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS"],
            sdpBody(buildOffer({ ip: rtpAdvertised, port: anchor.port, sessionId: leg.sessionId })),
          );
          const current = leg;
          const remoteOf = (body: string) => parseOffer(body);
          current.pendingOut = dialCore.invite(message, {
            onTrying() {
              progressed = true;
            },
            onProgress(response) {
              progressed = true;
              const status = response.message.statusCode;
              const early = status === 183 && Boolean(response.message.body);
              if (early) {
                try {
                  const r = remoteOf(response.message.body);
                  current.anchor.update({ ip: r.ip, port: r.port, telephoneEvent: r.telephoneEvent });
                } catch {
                  /* no usable early media */
                }
              }
              if (status === 180 || status === 183) d.onProgress?.({ status, earlyMedia: early });
            },
            onAccept(response) {
              response.ack();
              if (settled) {
                response.session.bye();
                return;
              }
              let r: RemoteAudio;
              try {
                r = remoteOf(response.message.body);
              } catch (e) {
                response.session.bye();
                fail("rejected", `the far end answered with unusable SDP: ${(e as Error).message}`);
                return;
              }
              current.session = response.session;
              current.pendingOut = undefined;
              current.codec = r.codec;
              current.payloadType = r.payloadType;
              current.anchor.update({ ip: r.ip, port: r.port, telephoneEvent: r.telephoneEvent });
              response.session.delegate = reinviteDelegate(current);
              bySipCallId.set(sipCallId, current);
              attachMedia(current).then(
                (media) => {
                  settled = true;
                  clearTimeout(timer);
                  resolve({ legId: media.id, codec: current.codec });
                },
                (e: unknown) => {
                  response.session.bye();
                  fail("rejected", `media for the answered call failed: ${(e as Error).message}`);
                },
              );
            },
            onReject(response) {
              const s = response.message.statusCode ?? 0;
              const reason = s === 486 || s === 600 ? "busy" : s === 480 || s === 487 ? "no_answer" : s === 408 ? (progressed ? "no_answer" : "unreachable") : s >= 500 ? "unreachable" : "rejected";
              fail(reason, `${target} answered ${s} ${response.message.reasonPhrase ?? ""}`.trim(), s);
            },
          });
        })().catch((e: unknown) => fail("unreachable", (e as Error).message));
      });
    },
    async sendDtmf(callId, digits) {
      const leg = legs.get(callId);
      if (!leg?.session) throw new Error(`call ${callId} has no answered SIP leg`);
      const pt = leg.anchor.telephoneEvent;
      if (pt === null) throw new Error("the far end did not offer telephone-event (RFC 4733)");
      let seq = randomInt(0, 0xffff);
      let ts = randomInt(0, 2 ** 31);
      const ssrc = randomInt(1, 0xffffffff);
      await leg.anchor.sendDtmf(digits, (digit) => {
        ts += 1600;
        const packets: Buffer[] = [];
        for (let i = 1; i <= 5; i++) {
          const end = i === 5;
          for (let r = 0; r < (end ? 3 : 1); r++) {
            packets.push(buildRtp({ payloadType: pt, marker: i === 1, sequenceNumber: seq++ & 0xffff, timestamp: ts, ssrc, payload: buildDtmf({ digit, end, volume: 10, duration: i * 160 }) }));
          }
        }
        return packets;
      });
    },
    ping(target: SipTarget) {
      return new Promise((resolve) => {
        const started = performance.now();
        const message = core.makeOutgoingRequestMessage(
          "OPTIONS",
          new URI("sip", "ping", target.host, target.port, target.transport === "tcp" ? { transport: "tcp" } : {}),
          new URI("sip", "hotline", advertised, transport.port),
          new URI("sip", "ping", target.host, target.port),
          {},
        );
        const timer = setTimeout(() => resolve({ ok: false }), 5000);
        const done = (status: number) => {
          clearTimeout(timer);
          resolve({ ok: status >= 200 && status < 300, status, rttMs: performance.now() - started });
        };
        try {
          core.request(message, {
            onAccept: (r) => done(r.message.statusCode ?? 200),
            onReject: (r) => done(r.message.statusCode ?? 500),
          });
        } catch {
          clearTimeout(timer);
          resolve({ ok: false });
        }
      });
    },
    activeCalls: () => legs.size,
    stats: () => ({ calls: legs.size, droppedMessages: transport.dropped }),
    async close() {
      closed = true;
      clearInterval(guard);
      for (const leg of [...legs.values()]) await hangupLeg(leg, "shutdown", true);
      await new Promise((r) => setTimeout(r, 50)); // let the BYEs leave
      core.dispose();
      await transport.close();
    },
  };
}
