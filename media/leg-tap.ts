/**
 * The media plane's ear on one leg: a DirectTransport consumer of the leg's producer. Audio is
 * decoded into a jitter queue for the call's clock (recorder, mixer); RFC 4733 events become
 * digits, one per key press (the redundant end packets are collapsed).
 */
import type { Consumer } from "mediasoup/types";
import { g711OfPayloadType, TELEPHONE_EVENT_PT } from "./codecs";
import { DtmfCollector } from "./rtp/dtmf";
import { FrameQueue } from "./rtp/frames";
import { decodeG711 } from "./rtp/g711";
import { parseRtp } from "./rtp/packet";

export class LegTap {
  readonly queue = new FrameQueue();
  /** Decode audio only while someone (recorder, mixer) reads it; digits are always read. */
  audioWanted = false;
  private readonly dtmf: DtmfCollector;

  constructor(
    private readonly consumer: Consumer,
    onDigit: (digit: string, durationMs: number) => void,
  ) {
    this.dtmf = new DtmfCollector((digit, samples) => onDigit(digit, samples / 8));
    consumer.on("rtp", (buf) => this.onRtp(buf));
  }

  private onRtp(buf: Buffer): void {
    try {
      const p = parseRtp(buf);
      if (p.payloadType === TELEPHONE_EVENT_PT) {
        this.dtmf.push(p.timestamp, p.payload);
        return;
      }
      const codec = g711OfPayloadType(p.payloadType);
      if (codec && this.audioWanted) this.queue.push(decodeG711(codec, p.payload));
    } catch {
      // A malformed packet from the far end is dropped, never thrown into mediasoup's emitter.
    }
  }

  close(): void {
    if (!this.consumer.closed) this.consumer.close();
  }
}
