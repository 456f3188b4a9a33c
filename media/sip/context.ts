/** What the gateway's parts share: options, sip.js's core, the transport and the live calls. */
import type { SipGatewayOptions } from "./api";
import type { createNonces } from "./digest";
import type { SipCall } from "./sip-call";
import type { Core } from "./sip-core";
import type { SipTransport } from "./transport";

export interface GatewayContext {
  readonly o: SipGatewayOptions;
  readonly core: Core.UserAgentCore;
  readonly transport: SipTransport;
  /** Live calls by our call id, and by SIP Call-ID. */
  readonly calls: Map<string, SipCall>;
  readonly bySipCallId: Map<string, SipCall>;
  /** INVITEs being routed or set up (count toward maxCalls). */
  pending: number;
  closing: boolean;
  /** Taking no new inbound calls (503), while live ones go on. */
  draining: boolean;
  readonly nonces: ReturnType<typeof createNonces>;
  /** Address in Via/Contact, and in SDP. */
  readonly sipIp: string;
  readonly sdpIp: string;
  /** Credentials of outbound calls, by SIP Call-ID (sip.js asks for them on a 401/407). */
  readonly dialAuth: Map<string, { username: string; password: string }>;
  log(level: "info" | "warn" | "error", msg: string, fields?: object): void;
  /** A new call in both maps; it leaves them (and reports onEnded) when it ends. */
  newCall(callId: string, sipCallId: string, direction: "inbound" | "outbound"): SipCall;
}

/** Whether a new call would be turned away now (stopping, draining, full, or overloaded): 503. */
export const turningAway = (ctx: GatewayContext) => ctx.closing || ctx.draining || ctx.calls.size + ctx.pending >= ctx.o.maxCalls || ctx.o.overloaded?.() === true;

/** The 503 a new call gets then; Retry-After asks the sender (a carrier, a SIP load balancer) to wait or try another node. */
export const BUSY = { statusCode: 503, reasonPhrase: "Overloaded", extraHeaders: ["Retry-After: 5"] };

export const sdpBody = (content: string) => ({ contentDisposition: "session", contentType: "application/sdp", content });
