/**
 * A browser agent's leg: two WebRtcTransports (the browser sends on one, receives on the other),
 * as mediasoup-client wants them. The browser produces its microphone; it consumes the other
 * leg's audio with the RTP capabilities its Device reported.
 */
import type { Consumer, DtlsParameters, Producer, Router, RtpCapabilities, RtpParameters, WebRtcTransport } from "mediasoup/types";
import { browserRouterCapabilities, isG711 } from "./codecs";
import { MediaError, toMediaError } from "./errors";
import type { G711 } from "./rtp/g711";

/** What the browser needs to create one mediasoup-client transport. */
export interface WebRtcTransportInfo {
  id: string;
  iceParameters: WebRtcTransport["iceParameters"];
  iceCandidates: WebRtcTransport["iceCandidates"];
  dtlsParameters: DtlsParameters;
}

/** What the browser needs to consume one stream (mediasoup-client `transport.consume`). */
export interface WebRtcConsumerInfo {
  id: string;
  producerId: string;
  kind: "audio";
  rtpParameters: RtpParameters;
}

const info = (t: WebRtcTransport): WebRtcTransportInfo => ({
  id: t.id,
  iceParameters: t.iceParameters,
  iceCandidates: t.iceCandidates,
  dtlsParameters: t.dtlsParameters,
});

export class WebRtcLeg {
  readonly kind = "webrtc";
  private producerRef: Producer | undefined;
  private rtpCapabilities: RtpCapabilities | undefined;
  private readonly consumerMap = new Map<string, Consumer>();
  private readonly injected = new Set<string>();
  private partiesPaused = false;
  private closed = false;

  constructor(
    readonly id: string,
    private readonly router: Router,
    private readonly send: WebRtcTransport,
    private readonly recv: WebRtcTransport,
    /** Bridges this leg with the call's others; run when it produces and when it can consume. */
    private readonly bridge: (leg: WebRtcLeg) => Promise<void>,
    /** Told of each new stream the browser should consume. */
    private readonly onConsumer: (consumer: WebRtcConsumerInfo) => void,
    private readonly subscribeDtmf: (listener: (digit: string, durationMs: number) => void) => () => void = () => () => undefined,
  ) {}

  /** Each RFC 4733 digit the browser sends (RTCDTMFSender), once per key press; returns the unsubscribe. */
  onDtmf(listener: (digit: string, durationMs: number) => void): () => void {
    return this.subscribeDtmf(listener);
  }

  get transports(): { routerRtpCapabilities: RtpCapabilities; send: WebRtcTransportInfo; recv: WebRtcTransportInfo } {
    return { routerRtpCapabilities: browserRouterCapabilities(this.router.rtpCapabilities), send: info(this.send), recv: info(this.recv) };
  }

  get producer(): Producer | undefined {
    return this.producerRef;
  }

  /** The G.711 codec the browser chose, once it produces. */
  get codec(): G711 | undefined {
    const mime = this.producerRef?.rtpParameters.codecs[0]?.mimeType.toLowerCase().replace("audio/", "");
    return isG711(mime) ? mime : undefined;
  }

  get consumers(): WebRtcConsumerInfo[] {
    return [...this.consumerMap.values()].map((c) => ({ id: c.id, producerId: c.producerId, kind: "audio", rtpParameters: c.rtpParameters }));
  }

  async connectTransport(transportId: string, dtlsParameters: DtlsParameters): Promise<void> {
    const t = [this.send, this.recv].find((x) => x.id === transportId);
    if (!t) throw new MediaError("bad_parameter", `transport ${transportId} is not part of leg ${this.id}`);
    try {
      await t.connect({ dtlsParameters });
    } catch (err) {
      throw toMediaError(err, `connecting transport ${transportId}`);
    }
  }

  /** The browser's microphone; answers mediasoup-client's `produce` event with the producer id. */
  async produce(kind: string, rtpParameters: RtpParameters): Promise<string> {
    if (kind !== "audio") throw new MediaError("bad_parameter", `only audio is carried, got ${kind}`);
    if (this.producerRef) throw new MediaError("bad_state", `leg ${this.id} already produces`);
    try {
      this.producerRef = await this.send.produce({ kind: "audio", rtpParameters });
    } catch (err) {
      throw toMediaError(err, `producing on leg ${this.id}`);
    }
    if (!this.codec) {
      this.producerRef.close();
      this.producerRef = undefined;
      throw new MediaError("codec_mismatch", "the browser must send PCMU or PCMA");
    }
    await this.bridge(this);
    return this.producerRef.id;
  }

  /** The browser's Device capabilities; streams are consumed from then on. */
  async setRtpCapabilities(caps: RtpCapabilities): Promise<void> {
    if (this.rtpCapabilities) throw new MediaError("bad_state", `leg ${this.id} already has its capabilities`);
    this.rtpCapabilities = caps;
    await this.bridge(this);
  }

  /** A party's audio (paused while `setPartiesPaused(true)`) or the media plane's output for this leg (`party: false`). */
  async consume(from: { producer: Producer | undefined }, opts: { party?: boolean } = {}): Promise<void> {
    const party = opts.party ?? true;
    const producer = from.producer;
    if (!producer || !this.rtpCapabilities || this.closed || this.consumerMap.has(producer.id)) return;
    if (!this.router.canConsume({ producerId: producer.id, rtpCapabilities: this.rtpCapabilities })) {
      throw new MediaError("codec_mismatch", `leg ${this.id} cannot receive ${producer.rtpParameters.codecs[0]?.mimeType ?? "?"}`);
    }
    try {
      const consumer = await this.recv.consume({ producerId: producer.id, rtpCapabilities: this.rtpCapabilities, paused: party && this.partiesPaused });
      this.consumerMap.set(producer.id, consumer);
      if (!party) this.injected.add(consumer.id);
      consumer.observer.once("close", () => {
        this.consumerMap.delete(producer.id);
        this.injected.delete(consumer.id);
      });
      this.onConsumer({ id: consumer.id, producerId: producer.id, kind: "audio", rtpParameters: consumer.rtpParameters });
    } catch (err) {
      throw toMediaError(err, `consuming on leg ${this.id}`);
    }
  }

  /** While true the browser hears only the media plane's output (a prompt, music, the mix). */
  async setPartiesPaused(paused: boolean): Promise<void> {
    this.partiesPaused = paused;
    for (const consumer of this.consumerMap.values()) {
      if (this.injected.has(consumer.id) || consumer.closed) continue;
      await (paused ? consumer.pause() : consumer.resume()).catch(() => undefined);
    }
  }

  onClosed(listener: () => void): void {
    this.send.observer.once("close", () => {
      this.close();
      listener();
    });
  }

  close(): void {
    this.closed = true;
    for (const t of [this.send, this.recv]) if (!t.closed) t.close();
  }
}
