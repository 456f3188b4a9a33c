/**
 * createSipGateway: sip.js's UserAgentCore on our UDP+TCP transport, dispatching INVITEs to
 * inbound.ts, answering OPTIONS, placing outbound calls (outbound.ts), and a 1 s sweep that
 * ends calls whose far end sent no RTP for `rtpTimeoutMs` or whose media ended underneath.
 */
import type { DialOptions, SipEndReason, SipGateway, SipGatewayOptions, SipTarget } from "./api";
import { makeCore, acceptAnyUser } from "./core-factory";
import { BUSY, type GatewayContext, turningAway } from "./context";
import { createNonces } from "./digest";
import { handleInvite } from "./inbound";
import { authFor, dial } from "./outbound";
import { SipCall } from "./sip-call";
import { Core } from "./sip-core";
import { sendDtmf } from "./dtmf-out";
import { installGrammarSpeedup } from "./grammar-speedup";
import { type Incoming, SipTransport } from "./transport";

const DEFAULT_RTP_TIMEOUT_MS = 60_000;

export async function createSipGateway(o: SipGatewayOptions): Promise<SipGateway> {
  const log = o.log ?? (() => undefined);
  const speedup = installGrammarSpeedup();
  if (speedup !== true) log("warn", speedup);
  const loggerFactory = new Core.LoggerFactory();
  loggerFactory.builtinEnabled = false;
  loggerFactory.level = Core.Levels.error;
  loggerFactory.connector = (level, category, _label, content) => {
    if (level !== "error" && level !== "warn") return;
    // An unanswered request reaches its sender as a 408, which decides what it means (a trunk's
    // OPTIONS: the trunk is down, said once; an INVITE: the call failed, on its record).
    if (String(content).includes("Generating internal 408")) return;
    log(level, `sip.js ${category}: ${String(content)}`);
  };
  const sipIp = o.publicIp ?? o.host;
  let respondingTo = "";
  const transport = await SipTransport.listen(o.host, o.port, (m) => dispatch(m), loggerFactory.getLogger("hotline.sip.transport"));

  const calls = new Map<string, SipCall>();
  const bySipCallId = new Map<string, SipCall>();
  const ctx: GatewayContext = {
    o,
    get core() {
      return core;
    },
    transport,
    calls,
    bySipCallId,
    pending: 0,
    closing: false,
    draining: false,
    nonces: createNonces(),
    sipIp,
    sdpIp: o.rtpAnnouncedIp ?? o.publicIp ?? o.rtpListenIp,
    dialAuth: new Map(),
    log,
    newCall(callId, sipCallId, direction) {
      const call = new SipCall(callId, sipCallId, direction, {
        log,
        onEnded: (c, reason, detail, notify) => {
          calls.delete(c.callId);
          bySipCallId.delete(c.sipCallId);
          ctx.dialAuth.delete(c.sipCallId);
          if (notify) o.events.onEnded(c.callId, reason, detail);
        },
      });
      calls.set(callId, call);
      bySipCallId.set(sipCallId, call);
      return call;
    },
  };
  const core = makeCore({
    transport,
    advertisedHost: sipIp,
    port: transport.port,
    loggerFactory,
    authenticationFactory: () => authFor(ctx, respondingTo, loggerFactory),
    delegate: {
      onInvite: (req) => {
        handleInvite(ctx, req).catch((err: unknown) => log("error", "INVITE handler failed", { error: (err as Error).message }));
      },
    },
  });

  function dispatch(m: Incoming): void {
    if (m instanceof Core.IncomingRequestMessage) {
      acceptAnyUser(core, m, sipIp, transport.port);
      // An OPTIONS gets the answer an INVITE would (RFC 3261 §11.2): a SIP load balancer probing
      // its nodes (Kamailio's dispatcher) stops sending calls to a draining or overloaded one.
      if (m.method === "OPTIONS" && !m.toTag && turningAway(ctx)) {
        core.replyStateless(m, BUSY);
        return;
      }
      core.receiveIncomingRequestFromTransport(m);
    } else {
      respondingTo = m.callId;
      core.receiveIncomingResponseFromTransport(m);
    }
  }

  const rtpTimeoutMs = o.rtpTimeoutMs ?? DEFAULT_RTP_TIMEOUT_MS;
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const call of [...calls.values()]) {
      if (call.state !== "answered" || !call.anchor) continue;
      const mediaEnded = call.media?.ended;
      if (mediaEnded !== undefined) call.end(mediaEnded === "media_worker_died" ? "media_worker_died" : `media_${String(mediaEnded)}`, { wire: true });
      else if (call.held) call.anchor.lastInboundAt = now;
      else if (now - call.anchor.lastInboundAt > rtpTimeoutMs) call.end("rtp_timeout", { wire: true });
    }
  }, Math.min(1000, Math.max(50, Math.floor(rtpTimeoutMs / 4))));
  sweep.unref();

  return {
    get port() {
      return transport.port;
    },
    async hangup(callId: string, reason: SipEndReason = "agent_hangup") {
      calls.get(callId)?.end(reason, { wire: true, notify: false });
      await Promise.resolve();
    },
    sendDtmf: (callId: string, digits: string) => sendDtmf(calls.get(callId), digits),
    dial: (d: DialOptions) => dial(ctx, d),
    ping: (target: SipTarget) => ping(ctx, target),
    drain() {
      ctx.draining = true;
    },
    activeCalls: () => calls.size,
    stats: () => ({ calls: calls.size, pending: ctx.pending, droppedMessages: transport.dropped }),
    async close() {
      if (ctx.closing) return;
      ctx.closing = true;
      clearInterval(sweep);
      const live = [...calls.values()];
      for (const call of live) call.end("shutdown", { wire: true });
      // The BYEs' responses come back on these sockets (TCP too): wait for them, 2 s at most.
      const byes = live.flatMap((c) => (c.byeDone ? [c.byeDone] : []));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(byes), new Promise((r) => (timer = setTimeout(r, byes.length ? 2000 : 0)))]);
      clearTimeout(timer);
      core.dispose();
      await transport.close();
    },
  };
}

function ping(ctx: GatewayContext, target: SipTarget): Promise<{ ok: boolean; status?: number; rttMs?: number }> {
  const { host, port, transport } = target;
  const ruri = new Core.URI("sip", undefined as unknown as string, host, port, transport === "tcp" ? { transport: "tcp" } : {});
  const from = new Core.URI("sip", "hotline", ctx.sipIp);
  const message = ctx.core.makeOutgoingRequestMessage("OPTIONS", ruri, from, ruri, { forceRport: true, hackViaTcp: transport === "tcp" }, [`Contact: <sip:hotline@${ctx.sipIp}:${ctx.transport.port}>`]);
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false }), 5000);
    const done = (status: number | undefined, fromWire: boolean) => {
      clearTimeout(timer);
      resolve(fromWire && status !== undefined ? { ok: status >= 200 && status < 300, status, rttMs: Date.now() - started } : { ok: false });
    };
    ctx.core.request(message, {
      onAccept: (r) => done(r.message.statusCode, true),
      onReject: (r) => done(r.message.statusCode, Boolean(r.message.callId)),
    });
  });
}
