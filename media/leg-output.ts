/**
 * The media plane's own stream into one leg (a DirectTransport producer the leg consumes): one
 * SSRC, sequence and timestamp space for prompts, music, the mix and RFC 4733 DTMF, advanced by
 * the call's 20 ms clock whether or not a packet goes out, as a phone's stream would be.
 */
import { randomInt } from "node:crypto";
import type { Producer } from "mediasoup/types";
import { STATIC_PT, TELEPHONE_EVENT_PT } from "./codecs";
import { MediaError } from "./errors";
import { buildDtmf } from "./rtp/dtmf";
import { FRAME_MS, FRAME_SAMPLES } from "./rtp/frames";
import { encodeG711, type G711 } from "./rtp/g711";
import { buildRtp } from "./rtp/packet";

/** One tick of a DTMF sequence: an event packet (n 1..5 progress, 6 the end), or a gap. */
interface DtmfStep {
  digit?: string;
  n?: number;
  /** Progress packets of this event; packet `last + 1` is the end. */
  last?: number;
  done?: () => void;
}

/** By default 100 ms of tone (5 packets, the end sent 3 times), then 60 ms of gap. */
const DEFAULT_MS = 100;
const GAP_TICKS = 3;
const DTMF_DIGITS = /^[0-9*#A-D]+$/i;

export class LegOutput {
  private seq = randomInt(0, 0x10000);
  private ts = randomInt(0, 2 ** 32);
  private eventTs = 0;
  private marker = true;
  private opened = false;
  private readonly steps: DtmfStep[] = [];
  private closed = false;

  constructor(
    readonly producer: Producer,
    readonly codec: G711,
    readonly ssrc: number,
  ) {}

  /** Queues RFC 4733 events; resolves once the last one has been sent. */
  sendDtmf(digits: string, durationMs = DEFAULT_MS): Promise<void> {
    if (!DTMF_DIGITS.test(digits)) throw new MediaError("bad_parameter", `DTMF digits must be 0-9, *, #, A-D; got ${JSON.stringify(digits)}`);
    if (this.closed) throw new MediaError("bad_state", "the leg is gone");
    return new Promise((resolve) => {
      for (const digit of digits.toUpperCase()) {
        const packets = Math.max(2, Math.round(durationMs / FRAME_MS));
        for (let n = 1; n <= packets + 1; n++) this.steps.push({ digit, n, last: packets });
        for (let g = 0; g < GAP_TICKS; g++) this.steps.push({});
      }
      (this.steps[this.steps.length - 1] as DtmfStep).done = resolve;
    });
  }

  /** One 20 ms step: a DTMF packet if any is due, else `frame` (160 samples) if given. */
  tick(frame: Int16Array | undefined): void {
    if (this.closed) return;
    const step = this.steps.shift();
    if (step) {
      // mediasoup opens a producer's stream on its media codec only: lead with 20 ms of silence.
      if (!this.opened) this.send(STATIC_PT[this.codec], true, this.ts, encodeG711(this.codec, new Int16Array(FRAME_SAMPLES)));
      if (step.digit !== undefined && step.n !== undefined) this.sendEvent(step.digit, step.n, step.last ?? step.n);
      step.done?.();
    } else if (frame) {
      this.send(STATIC_PT[this.codec], this.marker, this.ts, encodeG711(this.codec, frame));
      this.marker = false;
    } else {
      this.marker = true;
    }
    this.ts = (this.ts + FRAME_SAMPLES) >>> 0;
  }

  private sendEvent(digit: string, n: number, last: number): void {
    if (n === 1) this.eventTs = this.ts;
    const end = n > last;
    const payload = buildDtmf({ digit, end, volume: 10, duration: Math.min(n, last) * FRAME_SAMPLES });
    for (let k = 0; k < (end ? 3 : 1); k++) this.send(TELEPHONE_EVENT_PT, n === 1, this.eventTs, payload);
    this.marker = true; // audio after the event starts a new talkspurt
  }

  private send(payloadType: number, marker: boolean, timestamp: number, payload: Buffer): void {
    if (this.producer.closed) return;
    this.producer.send(buildRtp({ payloadType, marker, sequenceNumber: this.seq, timestamp, ssrc: this.ssrc, payload }));
    this.seq = (this.seq + 1) & 0xffff;
    this.opened = true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.steps.splice(0)) s.done?.();
    if (!this.producer.closed) this.producer.close();
  }
}
