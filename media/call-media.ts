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
import type { RecordingHandle } from "./recorder";
import type { SpeechStats } from "./rtp/speech";
import { resolvePlaySource, type PlaySource } from "./play-source";

/** Caller, agent, supervisor, a transfer target and some room: a call is not a conference room. */
export const MAX_LEGS = 6;

export type CallEndReason = "hangup" | "media_worker_died" | "media_worker_closed" | "media_plane_closed" | (string & {});

type Leg = PlainLeg | WebRtcLeg;

/** One leg as the call sees it. */
export interface LegInfo {
  id: string;
  kind: "plain" | "webrtc";
  codec: G711 | undefined;
  /** True once its far end produces (a plain leg is connected, a browser has produced). */
  producing: boolean;
}

export type DtmfListener = (digit: string, durationMs: number) => void;

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
  private readonly legMap = new Map<string, Leg>();
  private pendingLegs = 0;
  private endedReason: CallEndReason | undefined;
  private readonly audio: CallAudio;

  private constructor(
    readonly callId: string,
    readonly worker: Worker,
    private readonly router: Router,
    private readonly onEnded: (callId: string, reason: CallEndReason) => void,
  ) {
    this.audio = new CallAudio(router, () => [...this.legMap.values()]);
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
    const other = [...this.legMap.values()][0];
    if (other?.codec && other.codec !== options.codec) {
      throw new MediaError("codec_mismatch", `call ${this.callId} is ${other.codec}: a ${options.codec} leg would need transcoding`);
    }
    return this.reserveLeg(async (id) => {
      const transport = await this.router.createPlainTransport({
        listenInfo: { protocol: "udp", ip: listenIp, announcedAddress },
        rtcpMux: true,
        comedia: false,
      });
      return new PlainLeg(
        id,
        options.codec,
        this.router,
        transport,
        (l) => this.bridge(l),
        (f) => this.audio.onDtmf(id, f),
        (digits, o) => this.sendDtmf(id, digits, o),
      );
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
    if (this.legMap.size + this.pendingLegs >= MAX_LEGS) {
      throw new MediaError("bad_state", `call ${this.callId} already has ${MAX_LEGS} legs`);
    }
  }

  /** Creates a leg while holding its slot, so concurrent adds cannot exceed the limit. */
  private async reserveLeg<L extends Leg>(create: (id: string) => Promise<L>): Promise<L> {
    const id = randomUUID();
    this.pendingLegs++;
    try {
      const leg = await create(id);
      this.legMap.set(id, leg);
      leg.onClosed(() => {
        this.legMap.delete(id);
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
    for (const leg of this.legMap.values()) leg.close();
    if (!this.router.closed) this.router.close();
    this.onEnded(this.callId, reason);
  }

  /**
   * A leg's far end now produces (or a browser can consume): each other leg hears it, and it
   * hears each other leg; the call's audio then taps it and decides who hears what.
   */
  private async bridge(leg: Leg): Promise<void> {
    this.assertOpen();
    for (const other of this.legMap.values()) {
      if (other === leg) continue;
      await other.consume(leg);
      await leg.consume(other);
    }
    await this.audio.legReady(leg).catch((err: unknown) => {
      throw toMediaError(err, `setting up the audio of leg ${leg.id}`);
    });
  }

  /**
   * Plays a source (8 kHz PCM, tone, WAV, ringback, busy, music) to a leg, which hears it instead
   * of the other parties until it ends or is stopped. A bad source throws MediaError here.
   */
  play(legId: string, source: PlaySource | Int16Array, opts: { loop?: boolean } = {}): Playback {
    const leg = this.leg(legId);
    return this.audio.play(leg, resolvePlaySource(source), opts.loop === true);
  }

  /** Music on hold (built-in, or the WAV at `wavPath`), looping, until the returned stop is called. */
  playMusic(legId: string, opts: { wavPath?: string } = {}): () => void {
    return this.loop(legId, { kind: "music", wavPath: opts.wavPath });
  }

  /** Ringback (440 + 480 Hz, 2 s on, 4 s off) until the returned stop is called. */
  playRingback(legId: string): () => void {
    return this.loop(legId, { kind: "ringback" });
  }

  private loop(legId: string, source: PlaySource): () => void {
    const p = this.play(legId, source, { loop: true });
    p.done.catch(() => undefined); // nobody awaits a loop; a failure to start just means no music
    return () => p.stop();
  }

  /** RFC 4733 events into a leg (`durationMs` each, default 100, 40-2000; 60 ms apart), on payload type 101. */
  async sendDtmf(legId: string, digits: string, opts: { durationMs?: number } = {}): Promise<void> {
    const leg = this.leg(legId);
    if (typeof digits !== "string" || !/^[0-9*#A-Da-d]+$/.test(digits)) {
      throw new MediaError("bad_parameter", `DTMF digits must be 0-9, *, #, A-D; got ${JSON.stringify(digits)}`);
    }
    const d = opts.durationMs ?? 100;
    if (typeof d !== "number" || !Number.isFinite(d) || d < 40 || d > 2000) {
      throw new MediaError("bad_parameter", `DTMF durationMs must be 40 to 2000, got ${String(d)}`);
    }
    await this.audio.sendDtmf(leg, digits, d);
  }

  /** Each RFC 4733 digit a leg sends (once per key press, with its duration); returns the unsubscribe. */
  onDtmf(legId: string, listener: DtmfListener): () => void {
    return this.leg(legId).onDtmf(listener);
  }

  /** The call's legs in the order they were added. */
  legs(): LegInfo[] {
    return [...this.legMap.values()].map((l) => ({ id: l.id, kind: l.kind, codec: l.codec, producing: l.producer !== undefined }));
  }

  /** Closes one leg's transport(s); the call goes on with the others. */
  async removeLeg(legId: string): Promise<void> {
    const leg = this.leg(legId);
    leg.close();
    this.legMap.delete(legId);
    this.audio.legRemoved(legId);
    await Promise.resolve();
  }

  /** Records the call to a stereo WAV (left the caller's leg, right the others) until stopped or the call ends. */
  record(path: string): RecordingHandle {
    this.assertOpen();
    return this.audio.record(path);
  }

  /**
   * Measures talk time per leg (energy VAD with hangover), silence, and talk-over (two or more
   * legs at once) on the call's 20 ms clock until stopped or the call ends. One at a time: a
   * second call replaces the first.
   */
  trackSpeech(): { read(): SpeechStats; stop(): SpeechStats } {
    this.assertOpen();
    return this.audio.trackSpeech();
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
    const leg = typeof legId === "string" ? this.legMap.get(legId) : undefined;
    if (!leg) throw new MediaError("bad_parameter", `leg ${String(legId)} is not part of call ${this.callId}`);
    return leg;
  }

  private assertOpen(): void {
    if (this.endedReason !== undefined) {
      throw new MediaError("call_ended", `call ${this.callId} has ended (${this.endedReason})`);
    }
  }
}
