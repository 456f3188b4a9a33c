/**
 * The SIP gateway's face (exported through media/protocol.ts). The server answers `route` for
 * every INVITE before any call object exists, and hears what happens to calls through `events`.
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
  /** Once per call, whoever ended it. */
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
  /** No RTP from the far end this long ends the call (rtp_timeout). Default 60 s. */
  rtpTimeoutMs?: number;
  router: InboundRouter;
  events: GatewayEvents;
  log?: (level: "info" | "warn" | "error", msg: string) => void;
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
  /** An outbound call on `callId`'s media (created when missing); rejects with a DialError. */
  dial(o: {
    callId: string;
    target: SipTarget;
    toUser: string;
    fromUser: string;
    fromDisplayName?: string;
    auth?: { username: string; password: string };
    onProgress?: (p: { status: 180 | 183; earlyMedia: boolean }) => void;
    timeoutMs?: number;
  }): Promise<{ legId: string; codec: "pcmu" | "pcma" }>;
  /** RFC 4733 digits to the far end of the call's SIP leg. */
  sendDtmf(callId: string, digits: string): Promise<void>;
  ping(target: SipTarget): Promise<{ ok: boolean; status?: number; rttMs?: number }>;
  activeCalls(): number;
  stats(): { calls: number; droppedMessages: number };
  close(): Promise<void>;
}
