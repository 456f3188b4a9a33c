/**
 * The audio the media plane makes and reads itself, for one call, on one DirectTransport:
 * - a tap per producing leg (a DirectTransport consumer): its decoded audio for the recorder and
 *   the mixer, and its RFC 4733 digits for `onDtmf`;
 * - an output per leg that needs one (a DirectTransport producer the leg consumes): a prompt,
 *   music, the mix, DTMF. While a leg's output carries a prompt or the mix, the leg's direct
 *   consumers of the other parties are paused, so it hears that instead;
 * - one 20 ms clock that drives them all, so recorder channels and outputs stay in step.
 * Two party legs talk through mediasoup directly (no Node in the path); the mixer takes over
 * when a call has more than two legs or someone whispers or listens.
 */
import { randomInt } from "node:crypto";
import type { DirectTransport, Producer, Router } from "mediasoup/types";
import { producerRtpParameters, tapRtpCapabilities } from "./codecs";
import { MediaError, toMediaError } from "./errors";
import { LegOutput } from "./leg-output";
import { CallRecorder, type RecordingHandle } from "./recorder";
import { LegTap } from "./leg-tap";
import { onClockTick } from "./clock";
import { FRAME_MS, mix } from "./rtp/frames";
import type { G711 } from "./rtp/g711";
import { PcmSource } from "./rtp/prompts";
import { SpeechMeter, type SpeechStats } from "./rtp/speech";

/** What the call's audio needs of a leg (PlainLeg and WebRtcLeg both are one). */
export interface AudioLeg {
  readonly id: string;
  readonly kind: "plain" | "webrtc";
  readonly codec: G711 | undefined;
  readonly producer: Producer | undefined;
  consume(from: { id: string; codec: G711 | undefined; producer: Producer | undefined }, opts?: { party?: boolean }): Promise<void>;
  setPartiesPaused(paused: boolean): Promise<void>;
}

/** Who hears a leg in the mix: everyone (party, barge), nobody (listen) or one leg (whisper). */
export type MixRole = { mode: "party" } | { mode: "listen" } | { mode: "whisper"; to: string };

export interface Playback {
  /** Resolves when the audio has played out or was stopped; rejects if it could not start. */
  done: Promise<void>;
  stop(): void;
}

interface Player {
  source: PcmSource;
  finish: () => void;
}

const MAX_CATCH_UP = 10;

export class CallAudio {
  private direct: Promise<DirectTransport> | undefined;
  private readonly taps = new Map<string, LegTap>();
  private readonly tapping = new Map<string, Promise<void>>();
  private readonly outputs = new Map<string, Promise<LegOutput>>();
  private readonly ready = new Map<string, LegOutput>();
  private readonly players = new Map<string, Player>();
  private readonly roles = new Map<string, MixRole>();
  private readonly dtmfListeners = new Map<string, Set<(digit: string, durationMs: number) => void>>();
  private recorder: CallRecorder | undefined;
  private speech: SpeechMeter | undefined;
  private stopClock: (() => void) | undefined;
  private routing: Promise<void> = Promise.resolve();
  private clockStart = 0;
  private ticks = 0;
  private closed = false;

  constructor(
    private readonly router: Router,
    /** The call's legs, in the order they were added. */
    private readonly legs: () => AudioLeg[],
  ) {}

  /** A leg now produces or can consume: tap it, give it its output, set who it hears. */
  async legReady(leg: AudioLeg): Promise<void> {
    if (leg.producer && !this.taps.has(leg.id)) await this.tap(leg);
    const out = this.ready.get(leg.id);
    if (out) await leg.consume({ id: `${leg.id}:out`, codec: out.codec, producer: out.producer }, { party: false });
    await this.route();
  }

  legRemoved(legId: string): void {
    this.taps.get(legId)?.close();
    this.taps.delete(legId);
    this.ready.get(legId)?.close();
    this.ready.delete(legId);
    this.outputs.delete(legId);
    this.players.get(legId)?.finish();
    this.roles.delete(legId);
    for (const [id, role] of this.roles) if (role.mode === "whisper" && role.to === legId) this.roles.delete(id);
    this.dtmfListeners.delete(legId);
    void this.route().catch(() => undefined);
  }

  play(leg: AudioLeg, pcm: Int16Array, loop: boolean): Playback {
    this.players.get(leg.id)?.finish();
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const player: Player = {
      source: new PcmSource(pcm, loop),
      finish: () => {
        if (this.players.get(leg.id) === player) this.players.delete(leg.id);
        finish();
        void this.route().catch(() => undefined);
      },
    };
    this.players.set(leg.id, player);
    const started = this.output(leg)
      .then(() => this.route())
      .catch((err: unknown) => {
        if (!this.closed) throw err; // the call ended meanwhile: done just resolves
      });
    return {
      done: Promise.all([started, done]).then(
        () => undefined,
        (err: unknown) => {
          player.finish();
          throw toMediaError(err, `playing to leg ${leg.id}`);
        },
      ),
      stop: () => player.finish(),
    };
  }

  async sendDtmf(leg: AudioLeg, digits: string, durationMs = 100): Promise<void> {
    const out = await this.output(leg).catch((err: unknown) => {
      throw toMediaError(err, `sending DTMF to leg ${leg.id}`);
    });
    await out.sendDtmf(digits, durationMs);
  }

  onDtmf(legId: string, listener: (digit: string, durationMs: number) => void): () => void {
    let set = this.dtmfListeners.get(legId);
    if (!set) this.dtmfListeners.set(legId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  setRole(legId: string, role: MixRole): Promise<void> {
    if (role.mode === "party") this.roles.delete(legId);
    else this.roles.set(legId, role);
    return this.route();
  }

  record(path: string): RecordingHandle {
    if (this.recorder && !this.recorder.stopped) throw new MediaError("bad_state", "the call is already being recorded");
    const recorder = new CallRecorder(path);
    this.recorder = recorder;
    for (const tap of this.taps.values()) tap.audioWanted = true;
    this.startClock();
    return {
      setPaused: (paused: boolean) => {
        if (recorder.stopped) throw new MediaError("bad_state", "the recording has stopped");
        recorder.paused = paused;
      },
      get paused() {
        return recorder.paused;
      },
      stop: () => {
        const result = recorder.stop();
        void this.route().catch(() => undefined);
        return Promise.resolve(result);
      },
    };
  }

  /** Starts talk-time measurement (replacing any earlier one); `stop` ends it with the last figures. */
  trackSpeech(): { read(): SpeechStats; stop(): SpeechStats } {
    const meter = new SpeechMeter();
    this.speech = meter;
    for (const tap of this.taps.values()) tap.audioWanted = true;
    this.startClock();
    return {
      read: () => meter.read(),
      stop: () => {
        if (this.speech === meter) {
          this.speech = undefined;
          void this.route().catch(() => undefined);
        }
        return meter.read();
      },
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopClock?.();
    for (const p of [...this.players.values()]) p.finish();
    for (const o of this.ready.values()) o.close();
    for (const t of this.taps.values()) t.close();
    this.recorder?.stop();
  }

  /** Mixing replaces direct forwarding once the call has more than two legs or anyone is not a plain party. */
  private get mixing(): boolean {
    return this.legs().length > 2 || this.roles.size > 0;
  }

  private get audioWanted(): boolean {
    return this.mixing || this.speech !== undefined || (this.recorder !== undefined && !this.recorder.stopped);
  }

  /**
   * Brings every leg to what it should hear now. Runs one at a time and decides after each
   * await, so a prompt that ends while a pause is under way cannot leave a leg paused.
   */
  private route(): Promise<void> {
    const run = this.routing.then(async () => {
      let failure: unknown;
      for (const leg of this.legs()) {
        if (this.closed) return;
        for (const tap of this.taps.values()) tap.audioWanted = this.audioWanted;
        try {
          if (this.wantsOwn(leg.id)) await this.output(leg);
          await leg.setPartiesPaused(this.wantsOwn(leg.id));
        } catch (err) {
          if (this.legs().includes(leg)) failure ??= err; // one leg's trouble does not stop the others
        }
      }
      if (failure !== undefined) throw failure;
    });
    this.routing = run.catch(() => undefined);
    return run;
  }

  /** A leg hears the media plane's output (prompt or mix) instead of the parties directly. */
  private wantsOwn(legId: string): boolean {
    return this.mixing || this.players.has(legId);
  }

  private hears(listener: string, source: string): boolean {
    if (listener === source) return false;
    const role = this.roles.get(source);
    return !role || role.mode === "party" || (role.mode === "whisper" && role.to === listener);
  }

  private transport(): Promise<DirectTransport> {
    this.direct ??= this.router.createDirectTransport();
    return this.direct;
  }

  private tap(leg: AudioLeg): Promise<void> {
    const pending = this.tapping.get(leg.id);
    if (pending) return pending;
    const producer = leg.producer as Producer;
    const p = (async () => {
      const transport = await this.transport();
      const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: tapRtpCapabilities(this.router.rtpCapabilities) });
      const tap = new LegTap(consumer, (digit, durationMs) => {
        for (const l of this.dtmfListeners.get(leg.id) ?? []) l(digit, durationMs);
      });
      if (this.closed) return tap.close();
      tap.audioWanted = this.audioWanted;
      this.taps.set(leg.id, tap);
    })().finally(() => this.tapping.delete(leg.id));
    this.tapping.set(leg.id, p);
    return p;
  }

  private output(leg: AudioLeg): Promise<LegOutput> {
    let p = this.outputs.get(leg.id);
    if (!p) {
      p = (async () => {
        const transport = await this.transport();
        const codec = leg.codec ?? "pcmu";
        const ssrc = randomInt(1, 0xffffffff);
        const producer = await transport.produce({ kind: "audio", rtpParameters: producerRtpParameters(codec, ssrc) });
        const out = new LegOutput(producer, codec, ssrc);
        const keep = () => !this.closed && this.outputs.get(leg.id) === p && this.legs().includes(leg);
        try {
          await leg.consume({ id: `${leg.id}:out`, codec, producer }, { party: false });
        } catch (err) {
          out.close();
          throw err;
        }
        if (!keep()) {
          out.close(); // the leg or the call went away meanwhile
          throw new MediaError("bad_state", `leg ${leg.id} is gone`);
        }
        this.ready.set(leg.id, out);
        this.startClock();
        return out;
      })();
      this.outputs.set(leg.id, p);
      p.catch(() => this.outputs.delete(leg.id));
    }
    return p;
  }

  private startClock(): void {
    if (this.stopClock || this.closed) return;
    this.clockStart = performance.now();
    this.ticks = 0;
    this.stopClock = onClockTick(() => this.onTimer());
  }

  private onTimer(): void {
    const due = Math.floor((performance.now() - this.clockStart) / FRAME_MS);
    if (due - this.ticks > MAX_CATCH_UP) this.ticks = due - MAX_CATCH_UP; // the event loop stalled: skip, do not burst
    while (this.ticks < due) {
      this.ticks++;
      try {
        this.tick();
      } catch {
        // A bug or a full disk must not take the media process down: the recorder stops below.
        this.recorder?.stop();
      }
    }
  }

  /** One 20 ms step: read each leg's audio, send each output's frame, record. */
  private tick(): void {
    const frames = new Map<string, Int16Array>();
    for (const [id, tap] of this.taps) {
      const f = tap.queue.take();
      if (f) frames.set(id, f);
    }
    const mixing = this.mixing;
    for (const [id, out] of this.ready) {
      const player = this.players.get(id);
      let frame: Int16Array | undefined;
      if (player) {
        frame = player.source.next();
        if (!frame) player.finish();
      } else if (mixing) {
        frame = mix([...frames].filter(([src]) => this.hears(id, src)).map(([, f]) => f));
      }
      out.tick(frame);
    }
    this.speech?.tick(new Map(this.legs().map((l) => [l.id, frames.get(l.id)])));
    const recorder = this.recorder;
    if (recorder && !recorder.stopped) {
      const legs = this.legs();
      recorder.leftId ??= legs.find((l) => l.kind === "plain")?.id;
      const right = [...frames].filter(([id]) => id !== recorder.leftId && this.roles.get(id)?.mode !== "listen").map(([, f]) => f);
      recorder.write(recorder.leftId === undefined ? undefined : frames.get(recorder.leftId), right);
      if (recorder.stopped) void this.route().catch(() => undefined);
    }
  }
}
