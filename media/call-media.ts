/**
 * The media of one call: a router on one worker and its legs. Two legs are bridged A<->B by
 * mediasoup (A hears B, B hears A); prompts, music, DTMF, recording and the mixer (more than two
 * legs, whisper, listen) are the call's audio (call-audio.ts).
 * Every path that ends the call (close, leg failure, worker death) closes the router, and with
 * it every transport, producer and consumer, and reports the reason once.
 */
import { randomUUID } from "node:crypto";
import type { Router, RouterOptions, Worker } from "mediasoup/types";
import { isG711, ROUTER_MEDIA_CODECS } from "./codecs";
import { MediaError, toMediaError } from "./errors";
import { PlainLeg } from "./plain-leg";
import { WebRtcLeg, type WebRtcConsumerInfo } from "./webrtc-leg";
import type { G711 } from "./rtp/g711";
import { checkIp } from "./validate";
import { CallAudio, type MixRole, type Playback } from "./call-audio";
import type { RecordingResult } from "./recorder";
import { musicOnHold, ringback } from "./rtp/prompts";

/** Caller, agent, supervisor, a transfer target and some room: a call is not a conference room. */
export const MAX_LEGS = 6;
/** Ten minutes of 8 kHz audio. */
const MAX_PLAY_SAMPLES = 8000 * 600;

export type CallEndReason = "hangup" | "media_worker_died" | "media_worker_closed" | "media_plane_closed" | (string & {});

type Leg = PlainLeg | WebRtcLeg;

export interface WebRtcLegOptions {
  listenIp: string;
  /** The public address behind NAT (RTC_ANNOUNCED_IP). */
  announcedAddress?: string;
  /** Told of each stream the browser should consume (send it over signalling). */
  onConsumer?: (consumer: WebRtcConsumerInfo) => void;
}

export interface PlainLegOptions {
  codec: G711;
  /** Address the transport listens on (127.0.0.1 in tests, the media IP in production). */
  listenIp: string;
  /** Address put in the SDP when behind NAT; defaults to listenIp. */
  announcedAddress?: string;
}

export class CallMedia {
  private readonly legs = new Map<string, Leg>();
  private pendingLegs = 0;
  private endedReason: CallEndReason | undefined;
  private readonly audio: CallAudio;

  private constructor(
    readonly callId: string,
    readonly worker: Worker,
    private readonly router: Router,
    private readonly onEnded: (callId: string, reason: CallEndReason) => void,
  ) {
    this.audio = new CallAudio(router, () => [...this.legs.values()]);
    router.on("workerclose", () => this.end(worker.died ? "media_worker_died" : "media_worker_closed"));
  }

  /** `createRouter` picks the worker (the pool's least-loaded pick). */
  static async create(
    callId: string,
    createRouter: (o: RouterOptions) => Promise<{ router: Router; worker: Worker }>,
    onEnded: (callId: string, reason: CallEndReason) => void,
  ): Promise<CallMedia> {
    try {
      const { router, worker } = await createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS, appData: { callId } });
      return new CallMedia(callId, worker, router, onEnded);
    } catch (err) {
      throw toMediaError(err, `creating the router of call ${callId}`);
    }
  }

  get workerPid(): number {
    return this.worker.pid;
  }

  get ended(): CallEndReason | undefined {
    return this.endedReason;
  }

  async addPlainLeg(options: PlainLegOptions): Promise<PlainLeg> {
    this.assertOpen();
    if (!isG711(options.codec)) {
      throw new MediaError("bad_parameter", `unknown codec ${JSON.stringify(options.codec)} (pcmu or pcma)`);
    }
    const listenIp = checkIp(options.listenIp, "listenIp");
    const announcedAddress = options.announcedAddress === undefined ? undefined : checkIp(options.announcedAddress, "announcedAddress");
    this.assertRoom();
    const other = [...this.legs.values()][0];
    if (other?.codec && other.codec !== options.codec) {
      throw new MediaError("codec_mismatch", `call ${this.callId} is ${other.codec}: a ${options.codec} leg would need transcoding`);
    }
    return this.reserveLeg(async (id) => {
      const transport = await this.router.createPlainTransport({
        listenInfo: { protocol: "udp", ip: listenIp, announcedAddress },
        rtcpMux: true,
        comedia: false,
      });
      return new PlainLeg(id, options.codec, this.router, transport, (l) => this.bridge(l), (f) => this.audio.onDtmf(id, f));
    });
  }

  /** A browser agent's leg: give `leg.transports` to mediasoup-client, then relay its calls. */
  async addWebRtcLeg(options: WebRtcLegOptions): Promise<WebRtcLeg> {
    this.assertOpen();
    const listenIp = checkIp(options.listenIp, "listenIp");
    const announcedAddress = options.announcedAddress === undefined ? undefined : checkIp(options.announcedAddress, "announcedAddress");
    this.assertRoom();
    return this.reserveLeg(async (id) => {
      const make = () => this.router.createWebRtcTransport({ listenInfos: [{ protocol: "udp", ip: listenIp, announcedAddress }] });
      const send = await make();
      const recv = await make().catch((err: unknown) => {
        send.close();
        throw err;
      });
      return new WebRtcLeg(id, this.router, send, recv, (l) => this.bridge(l), options.onConsumer ?? (() => {}), (f) => this.audio.onDtmf(id, f));
    });
  }

  private assertRoom(): void {
    if (this.legs.size + this.pendingLegs >= MAX_LEGS) {
      throw new MediaError("bad_state", `call ${this.callId} already has ${MAX_LEGS} legs`);
    }
  }

  /** Creates a leg while holding its slot, so concurrent adds cannot exceed the limit. */
  private async reserveLeg<L extends Leg>(create: (id: string) => Promise<L>): Promise<L> {
    const id = randomUUID();
    this.pendingLegs++;
    try {
      const leg = await create(id);
      this.legs.set(id, leg);
      leg.onClosed(() => {
        this.legs.delete(id);
        this.audio.legRemoved(id);
      });
      if (this.endedReason !== undefined) leg.close();
      this.assertOpen();
      return leg;
    } catch (err) {
      throw toMediaError(err, `adding a leg to call ${this.callId}`);
    } finally {
      this.pendingLegs--;
    }
  }

  /** Ends the call: closes the router and everything on it, reports `reason` once. */
  close(reason: CallEndReason = "hangup"): void {
    this.end(reason);
  }

  private end(reason: CallEndReason): void {
    if (this.endedReason !== undefined) return;
    this.endedReason = reason;
    this.audio.close();
    for (const leg of this.legs.values()) leg.close();
    if (!this.router.closed) this.router.close();
    this.onEnded(this.callId, reason);
  }

  /**
   * A leg's far end now produces (or a browser can consume): each other leg hears it, and it
   * hears each other leg; the call's audio then taps it and decides who hears what.
   */
  private async bridge(leg: Leg): Promise<void> {
    this.assertOpen();
    for (const other of this.legs.values()) {
      if (other === leg) continue;
      await other.consume(leg);
      await leg.consume(other);
    }
    await this.audio.legReady(leg).catch((err: unknown) => {
      throw toMediaError(err, `setting up the audio of leg ${leg.id}`);
    });
  }

  /** Plays 8 kHz mono PCM to a leg, which hears it instead of the other parties until it ends or is stopped. */
  play(legId: string, pcm: Int16Array, opts: { loop?: boolean } = {}): Playback {
    const leg = this.leg(legId);
    if (!(pcm instanceof Int16Array)) throw new MediaError("bad_parameter", "pcm must be an Int16Array of 8 kHz mono samples");
    if (pcm.length > MAX_PLAY_SAMPLES) throw new MediaError("bad_parameter", `pcm is longer than ${MAX_PLAY_SAMPLES / 8000} s; stream it in parts`);
    return this.audio.play(leg, pcm, opts.loop === true);
  }

  /** Built-in music on hold, looping, until the returned stop is called. */
  playMusic(legId: string): () => void {
    return this.loop(legId, musicOnHold());
  }

  /** Ringback (440 + 480 Hz, 2 s on, 4 s off) until the returned stop is called. */
  playRingback(legId: string): () => void {
    return this.loop(legId, ringback());
  }

  private loop(legId: string, pcm: Int16Array): () => void {
    const p = this.play(legId, pcm, { loop: true });
    p.done.catch(() => undefined); // nobody awaits a loop; a failure to start just means no music
    return () => p.stop();
  }

  /** RFC 4733 events into a leg (100 ms each, 50 ms apart), on payload type 101. */
  async sendDtmf(legId: string, digits: string): Promise<void> {
    const leg = this.leg(legId);
    if (typeof digits !== "string" || !/^[0-9*#A-Da-d]+$/.test(digits)) {
      throw new MediaError("bad_parameter", `DTMF digits must be 0-9, *, #, A-D; got ${JSON.stringify(digits)}`);
    }
    await this.audio.sendDtmf(leg, digits);
  }

  /** Each RFC 4733 digit a leg sends; returns the unsubscribe. */
  onDtmf(legId: string, listener: (digit: string) => void): () => void {
    return this.leg(legId).onDtmf(listener);
  }

  /** Closes one leg's transport(s); the call goes on with the others. */
  async removeLeg(legId: string): Promise<void> {
    const leg = this.leg(legId);
    leg.close();
    this.legs.delete(legId);
    this.audio.legRemoved(legId);
    await Promise.resolve();
  }

  /** Records the call to a stereo WAV (left the caller's leg, right the others) until stopped or the call ends. */
  record(path: string): { stop(): Promise<RecordingResult> } {
    this.assertOpen();
    return this.audio.record(path);
  }

  /** Who hears a leg: everyone (party, barge), nobody (listen), or only `to` (whisper). */
  async setMixRole(legId: string, role: MixRole): Promise<void> {
    this.leg(legId);
    if (role.mode === "whisper") this.leg(role.to);
    else if (role.mode !== "party" && role.mode !== "listen") throw new MediaError("bad_parameter", `unknown mix mode ${JSON.stringify((role as { mode: unknown }).mode)}`);
    await this.audio.setRole(legId, role);
  }

  private leg(legId: string): Leg {
    this.assertOpen();
    const leg = typeof legId === "string" ? this.legs.get(legId) : undefined;
    if (!leg) throw new MediaError("bad_parameter", `leg ${String(legId)} is not part of call ${this.callId}`);
    return leg;
  }

  private assertOpen(): void {
    if (this.endedReason !== undefined) {
      throw new MediaError("call_ended", `call ${this.callId} has ended (${this.endedReason})`);
    }
  }
}
