/**
 * The media plane's ear on one leg: two DirectTransport consumers of the leg's producer, one for
 * its RFC 4733 events (always: they become digits, one per key press, the redundant end packets
 * collapsed) and one for its audio, decoded into a jitter queue for the call's clock (recorder,
 * mixer) and paused while nothing reads it.
 */
import type { Consumer } from "mediasoup/types";
import { g711OfPayloadType, TELEPHONE_EVENT_PT } from "./codecs";
import { DtmfCollector } from "./rtp/dtmf";
import { FrameQueue } from "./rtp/frames";
import { decodeG711 } from "./rtp/g711";
import { parseRtp } from "./rtp/packet";

export class LegTap {
  readonly queue = new FrameQueue();
  private wanted = false;
  private readonly dtmf: DtmfCollector;

  constructor(
    /** The leg's RFC 4733 events only (always read), when it sends any. */
    private readonly events: Consumer | undefined,
    /** The leg's audio: resumed only while someone (recorder, mixer, meter) reads it. */
    private readonly audio: Consumer,
    onDigit: (digit: string, durationMs: number) => void,
  ) {
    this.dtmf = new DtmfCollector((digit, samples) => onDigit(digit, samples / 8));
    events?.on("rtp", (buf) => this.onRtp(buf));
    audio.on("rtp", (buf) => this.onRtp(buf));
  }

  /** Decode audio only while someone reads it; paused, the worker does not send it to Node at all. */
  get audioWanted(): boolean {
    return this.wanted;
  }

  set audioWanted(wanted: boolean) {
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    if (this.audio.closed) return;
    // Requests on the worker's channel run in order: the last one decides.
    void (wanted ? this.audio.resume() : this.audio.pause()).catch(() => undefined);
  }

  private onRtp(buf: Buffer): void {
    try {
      const p = parseRtp(buf);
      if (p.payloadType === TELEPHONE_EVENT_PT) {
        this.dtmf.push(p.timestamp, p.payload);
        return;
      }
      const codec = g711OfPayloadType(p.payloadType);
      if (codec && this.wanted) this.queue.push(decodeG711(codec, p.payload));
    } catch {
      // A malformed packet from the far end is dropped, never thrown into mediasoup's emitter.
    }
  }

  close(): void {
    for (const c of [this.events, this.audio]) if (c && !c.closed) c.close();
  }
}
