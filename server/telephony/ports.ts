/**
 * What the server needs from the SIP gateway, in the server's own words. The gateway in
 * media/sip implements it (checked where telephony.ts wires them); call control and the inbound
 * router depend only on this.
 */
export interface InviteInfo {
  sipCallId: string;
  source: { ip: string; port: number; transport: "udp" | "tcp" };
  requestUser: string;
  toUser: string;
  fromUser: string;
  fromDisplayName?: string;
  digest?: { username: string; verify(password: string): boolean };
}

export type Decision =
  | { reject: { status: 403 | 404 | 480 | 486 | 503 | 603; reason: string } }
  | { challenge: { realm: string } }
  | { accept: { callId: string } };

export interface CallEvents {
  onAnswered(callId: string, info: { legId: string; codec: "pcmu" | "pcma" }): void;
  onHold(callId: string, held: boolean): void;
  onEnded(callId: string, reason: string, detail?: string): void;
}

export interface GatewayPort {
  hangup(callId: string, reason?: string): Promise<void>;
  dial(o: {
    callId: string;
    target: { host: string; port: number; transport: "udp" | "tcp" };
    toUser: string;
    fromUser: string;
    auth?: { username: string; password: string };
    onProgress?: (p: { status: 180 | 183; earlyMedia: boolean }) => void;
  }): Promise<{ legId: string; codec: "pcmu" | "pcma" }>;
  ping(target: { host: string; port: number; transport: "udp" | "tcp" }): Promise<{ ok: boolean; rttMs?: number }>;
}

/** The media plane's audio tools the server uses on a call's legs (prompt player, DTMF, legs). */
export interface MediaTools {
  /** Music on hold to one leg until the returned stop is called. */
  playMusic(callId: string, legId: string): () => void;
  /** Plays 8 kHz PCM to a leg; `done` resolves when it finished or was stopped. */
  play(callId: string, legId: string, pcm: Int16Array): { done: Promise<void>; stop(): void };
  /** Each RFC 4733 digit the leg sends; returns the unsubscribe. */
  onDtmf(callId: string, legId: string, listener: (digit: string) => void): () => void;
  /** RFC 4733 digits into a leg (the caller's). */
  sendDtmf(callId: string, legId: string, digits: string): Promise<void>;
  /** Takes a leg out of a call (an agent who transferred it away). */
  removeLeg(callId: string, legId: string): Promise<void>;
}
