/**
 * What call control and the inbound router need from media/: the SIP gateway's decision and
 * event types, a few of its verbs, and the media plane's audio tools (adapted in media-tools.ts).
 */
import type { SipGateway } from "@/media/protocol";
export type { GatewayEvents as CallEvents, InboundInvite as InviteInfo, RouteDecision as Decision } from "@/media/protocol";

/** The gateway verbs call control uses. */
export type GatewayPort = Pick<SipGateway, "hangup" | "dial" | "ping" | "sendDtmf">;

/** The media plane's audio tools the server uses on a call's legs (prompt player, DTMF, legs). */
export interface MediaTools {
  /** Music on hold to one leg until the returned stop is called. */
  playMusic(callId: string, legId: string): () => void;
  /** Ringback (a call being put through) to one leg until the returned stop is called. */
  playRingback(callId: string, legId: string): () => void;
  /** Plays 8 kHz PCM to a leg; `done` resolves when it finished or was stopped. */
  play(callId: string, legId: string, pcm: Int16Array): { done: Promise<void>; stop(): void };
  /** Each RFC 4733 digit the leg sends; returns the unsubscribe. */
  onDtmf(callId: string, legId: string, listener: (digit: string) => void): () => void;
  /** RFC 4733 digits into a leg (the caller's). */
  sendDtmf(callId: string, legId: string, digits: string): Promise<void>;
  /** Takes a leg out of a call (an agent who transferred it away). */
  removeLeg(callId: string, legId: string): Promise<void>;
}
