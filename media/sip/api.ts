/**
 * The SIP gateway's face (exported through media/protocol.ts). The server answers `route` for
 * every INVITE before any call object exists, and hears what happens to calls through `events`.
 *
 *   const gw = await createSipGateway({ host: "0.0.0.0", port: 5060, media, rtpListenIp: "10.0.0.5",
 *     maxCalls: 500, router: { route: async (invite) => ({ accept: { callId: "c1" } }) }, events });
 *   await gw.dial({ callId: "c2", target: { host, port: 5060, transport: "udp" }, toUser, fromUser });
 *   await gw.hangup("c1");   // BYE (or 487 before the answer), media closed; no onEnded (the server asked)
 *   await gw.close();        // BYE to every live call (shutdown), sockets closed
 */
import type { MediaPlane } from "../protocol";

export interface InboundInvite {
  sipCallId: string;
  source: { ip: string; port: number; transport: "udp" | "tcp" };
  requestUser: string;
  toUser: string;
  fromUser: string;
  fromDisplayName?: string;
  /** Present when the INVITE carries credentials: checks them against a password. */
  digest?: { username: string; verify(password: string): boolean };
}

export type RouteDecision =
  | { reject: { status: 403 | 404 | 480 | 486 | 503 | 603; reason: string } }
  | { challenge: { realm: string } }
  | { accept: { callId: string } };

export interface InboundRouter {
  route(invite: InboundInvite): Promise<RouteDecision>;
}

export type SipEndReason =
  | "caller_hangup"
  | "agent_hangup"
  | "cancelled"
  | "rtp_timeout"
  | "media_worker_died"
  | "busy"
  | "no_answer"
  | "rejected"
  | "unreachable"
  | "shutdown"
  | (string & {});

export interface GatewayEvents {
  /** The call's SIP leg is up (inbound: our 200 OK was sent; outbound: the far end answered). */
  onAnswered(callId: string, info: { legId: string; codec: "pcmu" | "pcma" }): void;
  onHold(callId: string, held: boolean): void;
  onDtmf?(callId: string, digit: string): void;
  /**
   * Once per call the far end or the gateway ended: caller_hangup, cancelled, rtp_timeout,
   * media_worker_died, ack_timeout, shutdown... Not for hangup() (the server asked) nor for a
   * dial() that failed (its promise says so).
   */
  onEnded(callId: string, reason: SipEndReason, detail?: string): void;
}

export interface SipTarget {
  host: string;
  port: number;
  transport: "udp" | "tcp";
}

export interface SipGatewayOptions {
  host: string;
  /** 0 picks a free port (tests); `gateway.port` tells which. */
  port: number;
  /** Advertised in Via, Contact and SDP when set. */
  publicIp?: string;
  media: MediaPlane;
  rtpListenIp: string;
  rtpAnnouncedIp?: string;
  /** Beyond it new INVITEs get 503 with Retry-After. */
  maxCalls: number;
  /** While true, new INVITEs get 503 with Retry-After too (the node is too busy to take more). */
  overloaded?: () => boolean;
  /** No RTP from the far end this long ends the call (rtp_timeout). Default 60 s. */
  rtpTimeoutMs?: number;
  router: InboundRouter;
  events: GatewayEvents;
  log?: (level: "info" | "warn" | "error", msg: string, fields?: object) => void;
}

export interface DialOptions {
  /** The gateway's key for this SIP leg: events and hangup/sendDtmf name the leg by it. */
  callId: string;
  /**
   * Join this existing MediaCall as one more leg (a transfer to a number, an agent's desk phone)
   * instead of the call named by `callId`. Such a leg ending only takes itself out of the call.
   */
  mediaCallId?: string;
  target: SipTarget;
  toUser: string;
  fromUser: string;
  fromDisplayName?: string;
  /** Answers a 401/407 challenge from the target. */
  auth?: { username: string; password: string };
  /** Offer only these (e.g. the codec of the call's other leg: no transcoding). Default PCMU, PCMA. */
  codecs?: Array<"pcmu" | "pcma">;
  onProgress?: (p: { status: 180 | 183; earlyMedia: boolean }) => void;
  /** Ring time before CANCEL and no_answer; default 30 s. */
  timeoutMs?: number;
}

export class DialError extends Error {
  override readonly name = "DialError";
  constructor(
    readonly reason: "busy" | "no_answer" | "rejected" | "unreachable",
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface SipGateway {
  readonly port: number;
  /** BYE to an answered call (CANCEL/487 before), ends its media. Does not call onEnded. */
  hangup(callId: string, reason?: SipEndReason): Promise<void>;
  /**
   * An outbound call on `callId`'s media (created when missing); the leg joins that MediaCall.
   * Rejects with a DialError: busy (486/600), no_answer (timeout, 408/480/487), unreachable (no
   * response within 4 s, transport error), rejected (anything else, or no usable SDP).
   */
  dial(o: DialOptions): Promise<{ legId: string; codec: "pcmu" | "pcma" }>;
  /** From now on new inbound INVITEs get 503 with Retry-After; live calls go on (graceful drain). */
  drain(): void;
  /** RFC 4733 digits to the far end of the call's SIP leg. */
  sendDtmf(callId: string, digits: string): Promise<void>;
  /** OPTIONS; ok for a 2xx within 5 s. */
  ping(target: SipTarget): Promise<{ ok: boolean; status?: number; rttMs?: number }>;
  activeCalls(): number;
  /** Live calls, INVITEs being routed, and incoming messages dropped as garbage. */
  stats(): { calls: number; pending: number; droppedMessages: number };
  close(): Promise<void>;
}

export { createSipGateway } from "./gateway";
