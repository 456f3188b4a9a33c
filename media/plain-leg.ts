/**
 * One SIP-side leg of a call: a PlainTransport (rtcpMux, no comedia) whose far end is set by
 * `connect`. G.711 audio and RFC 4733 DTMF (see codecs.ts) pass to the other legs.
 * The far end's stream must be declared with its SSRC: mediasoup routes incoming
 * RTP by SSRC (or MID, which plain SIP peers do not send), so the SIP gateway passes the SSRC
 * from the SDP (`a=ssrc`) or from the first packet it saw. RTP from any other address is dropped.
 */
import type { Consumer, PlainTransport, Producer, Router } from "mediasoup/types";
import { legRtpCapabilities, producerRtpParameters, STATIC_PT, TELEPHONE_EVENT_PT } from "./codecs";
import { MediaError, toMediaError } from "./errors";
import type { G711 } from "./rtp/g711";
import { checkIp, checkPort, checkSsrc } from "./validate";

export interface LegRemote {
  ip: string;
  port: number;
  /** SSRC of the far end's RTP stream (required, see above). */
  ssrc: number;
  /** Payload type the far end uses; G.711 is static (PCMU 0, PCMA 8), so only that is accepted. */
  payloadType?: number;
  /** Payload type of the far end's RFC 4733 telephone-event (from its SDP); default 101. */
  telephoneEvent?: number;
}

export interface LegLocal {
  ip: string;
  port: number;
}

type LegState = "new" | "connecting" | "connected" | "closed";

export class PlainLeg {
  readonly kind = "plain";
  private state: LegState = "new";
  private producerRef: Producer | undefined;
  /** Consumers of other legs' producers (party audio) and of the media plane's own output. */
  private readonly consumers = new Map<string, { consumer: Consumer; party: boolean }>();
  private partiesPaused = false;

  constructor(
    readonly id: string,
    readonly codec: G711,
    private readonly router: Router,
    private readonly transport: PlainTransport,
    /** Called once the far end's producer exists, so the call can bridge it. */
    private readonly onProducer: (leg: PlainLeg) => Promise<void>,
    private readonly subscribeDtmf: (listener: (digit: string, durationMs: number) => void) => () => void = () => () => undefined,
    private readonly dtmfOut: (digits: string, opts: { durationMs?: number }) => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Each RFC 4733 digit the far end sends, once per key press, with its duration; returns the unsubscribe. */
  onDtmf(listener: (digit: string, durationMs: number) => void): () => void {
    return this.subscribeDtmf(listener);
  }

  /** RFC 4733 events to the far end (`durationMs` each, default 100); resolves once sent. */
  sendDtmf(digits: string, opts: { durationMs?: number } = {}): Promise<void> {
    return this.dtmfOut(digits, opts);
  }

  get local(): LegLocal {
    const t = this.transport.tuple;
    return { ip: t.localAddress, port: t.localPort };
  }

  get producer(): Producer | undefined {
    return this.producerRef;
  }

  get connected(): boolean {
    return this.state === "connected";
  }

  async connect(remote: LegRemote): Promise<void> {
    if (this.state === "closed") throw new MediaError("bad_state", `leg ${this.id} is closed`);
    if (this.state !== "new") throw new MediaError("bad_state", `leg ${this.id} is already connected`);
    const ip = checkIp(remote.ip, "remote ip");
    const port = checkPort(remote.port, "remote port");
    const ssrc = checkSsrc(remote.ssrc);
    const pt = remote.payloadType ?? STATIC_PT[this.codec];
    if (pt !== STATIC_PT[this.codec]) {
      throw new MediaError("bad_parameter", `payloadType ${String(pt)} does not match ${this.codec} (${STATIC_PT[this.codec]})`);
    }
    const te = remote.telephoneEvent ?? TELEPHONE_EVENT_PT;
    if (!Number.isInteger(te) || te < 96 || te > 127 || te === pt) {
      throw new MediaError("bad_parameter", `telephoneEvent must be a dynamic payload type from 96 to 127, got ${String(te)}`);
    }
    this.state = "connecting";
    try {
      await this.transport.connect({ ip, port });
      this.producerRef = await this.transport.produce({ kind: "audio", rtpParameters: producerRtpParameters(this.codec, ssrc, te) });
      this.state = "connected";
    } catch (err) {
      this.close();
      throw toMediaError(err, `connecting leg ${this.id}`);
    }
    await this.onProducer(this);
  }

  /**
   * Send another leg's audio (a party, paused while `setPartiesPaused(true)`) or the media
   * plane's own output for this leg (`party: false`: player, mixer, DTMF) to this leg's far end.
   */
  async consume(from: { id: string; codec: G711 | undefined; producer: Producer | undefined }, opts: { party?: boolean } = {}): Promise<void> {
    const party = opts.party ?? true;
    const producer = from.producer;
    if (!producer || this.state === "closed" || this.consumers.has(producer.id)) return;
    if (from.codec !== this.codec) {
      throw new MediaError("codec_mismatch", `leg ${from.id} is ${from.codec} and leg ${this.id} is ${this.codec}: no transcoding`);
    }
    const rtpCapabilities = legRtpCapabilities(this.router.rtpCapabilities, this.codec);
    try {
      const consumer = await this.transport.consume({ producerId: producer.id, rtpCapabilities, paused: party && this.partiesPaused });
      this.consumers.set(producer.id, { consumer, party });
      consumer.observer.once("close", () => this.consumers.delete(producer.id));
    } catch (err) {
      throw toMediaError(err, `bridging leg ${from.id} to ${this.id}`);
    }
  }

  /** While true the far end hears only the media plane's output (a prompt, music, the mix). */
  async setPartiesPaused(paused: boolean): Promise<void> {
    this.partiesPaused = paused;
    for (const { consumer, party } of this.consumers.values()) {
      if (!party || consumer.closed) continue;
      await (paused ? consumer.pause() : consumer.resume()).catch(() => undefined);
    }
  }

  onClosed(listener: () => void): void {
    this.transport.observer.once("close", listener);
  }

  close(): void {
    this.state = "closed";
    if (!this.transport.closed) this.transport.close();
  }
}
