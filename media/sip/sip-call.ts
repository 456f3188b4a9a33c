/**
 * One SIP call leg of the gateway: a small state machine (early -> answered -> ended) holding
 * its sip.js session, its RTP anchor and its media. `end` runs once, whoever ends the call:
 * it sends BYE (or cancels an unanswered call) when asked, closes the anchor and the media
 * call, and reports onEnded.
 */
import type { MediaCall, MediaLeg } from "../protocol";
import type { SipEndReason } from "./api";
import type { RtpAnchor } from "./rtp-anchor";
import type { Core } from "./sip-core";

export type CallState = "early" | "answered" | "ended";

export interface CallHooks {
  onEnded(call: SipCall, reason: SipEndReason, detail: string | undefined, notify: boolean): void;
  log(level: "info" | "warn" | "error", msg: string, fields?: object): void;
}

export class SipCall {
  state: CallState = "early";
  session: Core.Session | undefined;
  anchor: RtpAnchor | undefined;
  media: MediaCall | undefined;
  leg: MediaLeg | undefined;
  codec: "pcmu" | "pcma" | undefined;
  payloadType = 0;
  held = false;
  /** Whether the gateway created the MediaCall (then a failed call closes it). */
  ownsMedia = false;
  /** A leg added to another call's MediaCall (DialOptions.mediaCallId): never closes that call. */
  joined = false;
  sdpVersion = 1;
  readonly sdpSessionId = Math.floor(Math.random() * 1e9);
  /** Settles when our BYE got its response (shutdown waits for it). */
  byeDone: Promise<void> | undefined;
  /** Ends an unanswered call on the wire (inbound: 487; outbound: CANCEL). */
  cancelEarly: (() => void) | undefined;

  constructor(
    readonly callId: string,
    readonly sipCallId: string,
    readonly direction: "inbound" | "outbound",
    private readonly hooks: CallHooks,
  ) {}

  get ended(): boolean {
    return this.state === "ended";
  }

  /**
   * Ends the call once; `wire`: the far end must still be told (BYE/CANCEL); `notify: false`
   * when the server asked (hangup) or learns it otherwise (dial's rejection): no onEnded.
   */
  end(reason: SipEndReason, o: { wire: boolean; detail?: string; notify?: boolean }): void {
    if (this.state === "ended") return;
    const was = this.state;
    this.state = "ended";
    if (o.wire) {
      try {
        if (was === "answered" && this.session) {
          this.byeDone = sendBye(this.session).catch((err: unknown) => this.hooks.log("warn", "could not end the call on the wire", { callId: this.callId, error: (err as Error).message }));
        }
        else this.cancelEarly?.();
      } catch (err) {
        this.hooks.log("warn", "could not end the call on the wire", { callId: this.callId, error: (err as Error).message });
      }
    }
    // sip.js's BYE client disposes the dialog itself once sent.
    if (!(o.wire && was === "answered")) this.session?.dispose();
    this.anchor?.close();
    // A call ends with its SIP leg; but a dial that failed on the server's own MediaCall (early
    // media set up, then busy) only takes its leg out and leaves that call to the server.
    if (this.media && this.media.ended === undefined) {
      if (this.ownsMedia || (was === "answered" && !this.joined)) this.media.close(reason);
      else if (this.leg) this.media.removeLeg(this.leg.id).catch((err: unknown) => this.hooks.log("warn", "could not remove the leg", { callId: this.callId, error: (err as Error).message }));
    }
    this.hooks.onEnded(this, reason, o.detail, o.notify ?? true);
  }
}

/** How long a UAS waits for the ACK of its 2xx before it may send BYE anyway (64 x T1, Timer H). */
const ACK_WAIT_MS = 32_000;

/**
 * BYE on an answered dialog. RFC 3261 section 15: a UAS must not send BYE before the ACK for its
 * 2xx has come (or the INVITE transaction timed out), and sip.js throws if asked to; a call ended
 * in that moment (a shutdown right after the answer) waits for the ACK first. Settles once the
 * BYE got a response.
 */
async function sendBye(session: Core.Session): Promise<void> {
  const dialog = session as unknown as { ackWait?: boolean };
  const until = Date.now() + ACK_WAIT_MS;
  while (dialog.ackWait && Date.now() < until) await new Promise((r) => setTimeout(r, 20).unref());
  await new Promise<void>((resolve, reject) => {
    try {
      session.bye({ onAccept: () => resolve(), onReject: () => resolve() });
    } catch (err) {
      reject(err as Error);
    }
  });
}
