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

export const sdpBody = (content: string) => ({ contentDisposition: "session", contentType: "application/sdp", content });
