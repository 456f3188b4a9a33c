/**
 * The media plane's one face. The server creates calls and legs through this module only;
 * nothing in media/ imports from server/ or db/.
 *
 *   const media = await createMediaPlane({ onCallEnded: (callId, reason) => ... });
 *   const call = await media.createCall("call-1");
 *   const a = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" }); // a.local -> SDP
 *   await a.connect({ ip, port, ssrc });   // from the far end's SDP (and its SSRC)
 *   call.close("hangup");                  // onCallEnded("call-1", "hangup")
 */
import { CallMedia, type CallEndReason, type DtmfListener, type LegInfo } from "./call-media";
import type { PlaySource } from "./play-source";
import { MediaError } from "./errors";
import { checkCallId } from "./validate";
import type { WebRtcConsumerInfo, WebRtcTransportInfo } from "./webrtc-leg";
import type { DtlsParameters, RtpCapabilities, RtpParameters } from "mediasoup/types";
import type { MixRole, Playback } from "./call-audio";
import type { RecordingHandle } from "./recorder";
import type { SpeechStats } from "./rtp/speech";
import { WorkerPool, type WorkerStats } from "./workers";

export { MediaError, type MediaErrorCode } from "./errors";
export type { CallEndReason, DtmfListener, LegInfo, PlainLegOptions, WebRtcLegOptions } from "./call-media";
export type { PlaySource } from "./play-source";
export type { LegLocal, LegRemote } from "./plain-leg";
export type { WebRtcConsumerInfo, WebRtcTransportInfo } from "./webrtc-leg";
export type { WorkerStats } from "./workers";
export type { G711 } from "./rtp/g711";
export type { MixRole, Playback } from "./call-audio";
export type { RecordingHandle, RecordingResult } from "./recorder";
export type { LegSpeech, SpeechStats } from "./rtp/speech";

export interface MediaPlaneOptions {
  /** Workers in the pool; default one per core (MEDIA_WORKERS is read by the server's env, not here). */
  workers?: number;
  rtcMinPort?: number;
  rtcMaxPort?: number;
  /** Every end of every call, once: "hangup", "media_worker_died", "media_plane_closed", ... */
  onCallEnded?: (callId: string, reason: CallEndReason) => void;
  onWorkerDied?: (info: { pid: number; error: Error }) => void;
}

export interface MediaLeg {
  readonly id: string;
  readonly codec: "pcmu" | "pcma";
  readonly local: { ip: string; port: number };
  /** Far end from its SDP, with the SSRC of its stream (mediasoup routes RTP by SSRC). */
  /** `telephoneEvent`: the far end's RFC 4733 payload type (default 101). */
  connect(remote: { ip: string; port: number; ssrc: number; payloadType?: number; telephoneEvent?: number }): Promise<void>;
  /** Each RFC 4733 digit the far end sends, once per key press (end packets deduplicated), with its duration. */
  onDtmf(listener: DtmfListener): () => void;
  /** RFC 4733 events to the far end on payload type 101 (`durationMs` each, default 100, 40-2000; 60 ms gaps). */
  sendDtmf(digits: string, opts?: { durationMs?: number }): Promise<void>;
}

/** A browser agent's leg; each method answers one mediasoup-client signalling request. */
export interface MediaWebRtcLeg {
  readonly id: string;
  readonly transports: { routerRtpCapabilities: RtpCapabilities; send: WebRtcTransportInfo; recv: WebRtcTransportInfo };
  readonly consumers: WebRtcConsumerInfo[];
  connectTransport(transportId: string, dtlsParameters: DtlsParameters): Promise<void>;
  /** Returns the producer id for mediasoup-client's `produce` callback. */
  produce(kind: string, rtpParameters: RtpParameters): Promise<string>;
  setRtpCapabilities(rtpCapabilities: RtpCapabilities): Promise<void>;
  /** Each RFC 4733 digit the browser sends (none today: mediasoup-client cannot insert DTMF); returns the unsubscribe. */
  onDtmf(listener: DtmfListener): () => void;
}

export interface MediaCall {
  readonly callId: string;
  /** The mediasoup worker that carries this call. */
  readonly workerPid: number;
  /** The reason once ended, else undefined. */
  readonly ended: CallEndReason | undefined;
  addPlainLeg(options: { codec: "pcmu" | "pcma"; listenIp: string; announcedAddress?: string }): Promise<MediaLeg>;
  addWebRtcLeg(options: { listenIp: string; announcedAddress?: string; onConsumer?: (c: WebRtcConsumerInfo) => void }): Promise<MediaWebRtcLeg>;
  /** The legs in the order they were added. */
  legs(): LegInfo[];
  /**
   * Plays a source to a leg (8 kHz PCM, a tone, a WAV file, ringback, busy, music): it hears this
   * instead of the other parties until it ends or is stopped, then the other parties again.
   * `done` resolves then (rejects if it cannot start). A bad source (unreadable or unsupported
   * WAV, bad tone) throws MediaError("bad_parameter") at once.
   */
  play(legId: string, source: PlaySource | Int16Array, opts?: { loop?: boolean }): Playback;
  /** Music on hold (built-in tones, or the WAV at `wavPath`), looping, until the returned stop is called. */
  playMusic(legId: string, opts?: { wavPath?: string }): () => void;
  /** Ringback (440 + 480 Hz, 2 s on, 4 s off) to a leg until the returned stop is called. */
  playRingback(legId: string): () => void;
  /** RFC 4733 events into a leg on payload type 101: `durationMs` each (default 100), 60 ms apart. */
  sendDtmf(legId: string, digits: string, opts?: { durationMs?: number }): Promise<void>;
  /** Each RFC 4733 digit the leg sends; same as `leg.onDtmf`. */
  onDtmf(legId: string, listener: DtmfListener): () => void;
  /** Closes one leg's transport(s); the call goes on with the others. */
  removeLeg(legId: string): Promise<void>;
  /**
   * Records to a stereo 8 kHz WAV: left the first plain leg (the caller), right the others.
   * Written as it goes (a crash loses at most the last second); stops by itself when the call ends.
   * `setPaused(true)` writes silence until resumed (card numbers read out stay out of it).
   */
  record(path: string): RecordingHandle;
  /**
   * Talk time per leg (energy VAD, 200 ms hangover), silence and talk-over (two or more legs at
   * once), measured on the call's 20 ms clock from now until `stop()` or the call ends.
   */
  trackSpeech(): { read(): SpeechStats; stop(): SpeechStats };
  /**
   * Mixer roles: "party" (default; barge), "listen" (heard by nobody), "whisper" (heard only by
   * leg `to`). With more than two legs or any non-party role, each leg hears the mix of the others.
   */
  setMixRole(legId: string, role: MixRole): Promise<void>;
  close(reason?: CallEndReason): void;
}

export interface MediaPlaneStats {
  calls: number;
  routers: number;
  transports: number;
  workers: WorkerStats[];
}

export interface MediaPlane {
  createCall(callId: string): Promise<MediaCall>;
  getCall(callId: string): MediaCall | undefined;
  stats(): MediaPlaneStats;
  /** Per-worker CPU and memory from mediasoup (ru_utime/ru_stime in ms). */
  resourceUsage(): Promise<Array<{ pid: number; userMs: number; systemMs: number }>>;
  close(): void;
}

export async function createMediaPlane(options: MediaPlaneOptions = {}): Promise<MediaPlane> {
  const calls = new Map<string, CallMedia>();
  const pending = new Set<string>();
  let closed = false;
  const pool = await WorkerPool.create({
    workers: options.workers,
    rtcMinPort: options.rtcMinPort,
    rtcMaxPort: options.rtcMaxPort,
    onWorkerDied: options.onWorkerDied,
  });
  const ended = (callId: string, reason: CallEndReason) => {
    calls.delete(callId);
    options.onCallEnded?.(callId, reason);
  };

  return {
    async createCall(unverifiedId) {
      const callId = checkCallId(unverifiedId);
      if (closed) throw new MediaError("bad_state", "the media plane is closed");
      if (calls.has(callId) || pending.has(callId)) throw new MediaError("bad_state", `call ${callId} already has media`);
      pending.add(callId);
      try {
        const call = await CallMedia.create(callId, (o) => pool.createRouter(o), ended);
        calls.set(callId, call);
        return call;
      } finally {
        pending.delete(callId);
      }
    },
    getCall: (callId) => calls.get(callId),
    stats() {
      const workers = pool.stats();
      const sum = (k: "routers" | "transports") => workers.reduce((n, w) => n + w[k], 0);
      return { calls: calls.size, routers: sum("routers"), transports: sum("transports"), workers };
    },
    async resourceUsage() {
      return Promise.all(
        pool.workers().map(async (w) => {
          const u = await w.getResourceUsage();
          return { pid: w.pid, userMs: u.ru_utime, systemMs: u.ru_stime };
        }),
      );
    },
    close() {
      if (closed) return;
      closed = true;
      for (const call of [...calls.values()]) call.close("media_plane_closed");
      pool.close();
    },
  };
}

export * from "./sip/api";
export { createSipGateway } from "./sip/gateway";
