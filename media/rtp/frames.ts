/** 20 ms frames of 8 kHz audio: a small jitter queue per incoming stream, and mixing. */

export const FRAME_SAMPLES = 160;
export const FRAME_MS = 20;

/**
 * Samples of one stream waiting for the next 20 ms tick. Refills to `prebuffer` frames after an
 * underrun (so timer and network jitter do not chop the audio) and keeps at most `maxFrames`
 * (older audio is dropped, so latency stays bounded when a sender runs fast).
 */
export class FrameQueue {
  private chunks: Int16Array[] = [];
  private length = 0;
  private primed = false;

  constructor(
    private readonly prebuffer = 2,
    private readonly maxFrames = 8,
  ) {}

  push(samples: Int16Array): void {
    this.chunks.push(samples);
    this.length += samples.length;
    while (this.length > this.maxFrames * FRAME_SAMPLES && this.chunks.length > 1) {
      this.length -= (this.chunks.shift() as Int16Array).length;
    }
    if (this.length >= this.prebuffer * FRAME_SAMPLES) this.primed = true;
  }

  /** One frame, or undefined while empty or refilling. */
  take(): Int16Array | undefined {
    if (!this.primed) return undefined;
    if (this.length < FRAME_SAMPLES) {
      this.primed = false;
      return undefined;
    }
    const out = new Int16Array(FRAME_SAMPLES);
    let filled = 0;
    while (filled < FRAME_SAMPLES) {
      const head = this.chunks[0] as Int16Array;
      const n = Math.min(head.length, FRAME_SAMPLES - filled);
      out.set(head.subarray(0, n), filled);
      filled += n;
      if (n === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(n);
    }
    this.length -= FRAME_SAMPLES;
    return out;
  }
}

/** The sum of the frames, clipped to 16 bits; silence when there are none. */
export function mix(frames: Iterable<Int16Array>): Int16Array {
  const acc = new Int32Array(FRAME_SAMPLES);
  for (const f of frames) for (let i = 0; i < FRAME_SAMPLES; i++) acc[i] = (acc[i] as number) + (f[i] ?? 0);
  const out = new Int16Array(FRAME_SAMPLES);
  for (let i = 0; i < FRAME_SAMPLES; i++) out[i] = Math.max(-32768, Math.min(32767, acc[i] as number));
  return out;
}
