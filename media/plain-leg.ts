/**
 * One SIP-side leg of a call: a PlainTransport (rtcpMux, no comedia) whose far end is set by
 * `connect`. G.711 audio passes to the other leg; RFC 4733 DTMF does not (see codecs.ts).
 * The far end's stream must be declared with its SSRC: mediasoup routes incoming
 * RTP by SSRC (or MID, which plain SIP peers do not send), so the SIP gateway passes the SSRC
 * from the SDP (`a=ssrc`) or from the first packet it saw. RTP from any other address is dropped.
 */
import type { Consumer, PlainTransport, Producer, Router } from "mediasoup/types";
import { legRtpCapabilities, producerRtpParameters, STATIC_PT } from "./codecs";
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
}

export interface LegLocal {
  ip: string;
  port: number;
}

type LegState = "new" | "connecting" | "connected" | "closed";

export class PlainLeg {
  private state: LegState = "new";
  private producerRef: Producer | undefined;
  private readonly consumers = new Map<string, Consumer>();

  constructor(
    readonly id: string,
    readonly codec: G711,
    private readonly router: Router,
    private readonly transport: PlainTransport,
    /** Called once the far end's producer exists, so the call can bridge it. */
    private readonly onProducer: (leg: PlainLeg) => Promise<void>,
  ) {}

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
    this.state = "connecting";
    try {
      await this.transport.connect({ ip, port });
      this.producerRef = await this.transport.produce({ kind: "audio", rtpParameters: producerRtpParameters(this.codec, ssrc) });
      this.state = "connected";
    } catch (err) {
      this.close();
      throw toMediaError(err, `connecting leg ${this.id}`);
    }
    await this.onProducer(this);
  }

  /** Send another leg's audio to this leg's far end. */
  async consume(from: { id: string; codec: G711 | undefined; producer: Producer | undefined }): Promise<void> {
    const producer = from.producer;
    if (!producer || this.state === "closed" || this.consumers.has(producer.id)) return;
    if (from.codec !== this.codec) {
      throw new MediaError("codec_mismatch", `leg ${from.id} is ${from.codec} and leg ${this.id} is ${this.codec}: no transcoding`);
    }
    const rtpCapabilities = legRtpCapabilities(this.router.rtpCapabilities, this.codec);
    try {
      const consumer = await this.transport.consume({ producerId: producer.id, rtpCapabilities });
      this.consumers.set(producer.id, consumer);
      consumer.observer.once("close", () => this.consumers.delete(producer.id));
    } catch (err) {
      throw toMediaError(err, `bridging leg ${from.id} to ${this.id}`);
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
