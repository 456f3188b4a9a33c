/** Built-in audio made from tones: music on hold and ringback, 8 kHz mono. */
import { FRAME_SAMPLES } from "./frames";

const RATE = 8000;

/** A soft note: a sine with its octave, faded in and out so notes join without clicks. */
function note(out: Float32Array, start: number, hz: number, samples: number, gain: number): void {
  const fade = Math.min(400, samples / 4);
  for (let i = 0; i < samples && start + i < out.length; i++) {
    const env = Math.min(1, i / fade, (samples - i) / fade);
    const t = i / RATE;
    const v = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t);
    out[start + i] = (out[start + i] as number) + v * env * gain;
  }
}

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/**
 * Music on hold: I-vi-IV-V in C, a slow arpeggio over a held bass note, 8 s that loop
 * seamlessly (every note ends inside the loop).
 */
export function musicOnHold(): Int16Array {
  const beat = RATE / 2; // 120 bpm
  const bars: Array<[number, number[]]> = [
    [48, [60, 64, 67, 72]], // C
    [45, [57, 60, 64, 69]], // Am
    [41, [53, 57, 60, 65]], // F
    [43, [55, 59, 62, 67]], // G
  ];
  const out = new Float32Array(bars.length * 4 * beat);
  bars.forEach(([bass, chord], bar) => {
    const at = bar * 4 * beat;
    note(out, at, hz(bass + 12), 4 * beat, 0.12);
    chord.forEach((m, i) => note(out, at + i * beat, hz(m), beat, 0.16));
  });
  return Int16Array.from(out, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767));
}

/**
 * A tone: the sum of `frequencies` (each at `amplitude`/count of full scale), `durationMs` long,
 * or with `onMs`/`offMs` a cadence that repeats over `durationMs` (default one on+off cycle).
 */
export function tone(spec: { frequencies: readonly number[]; durationMs?: number; onMs?: number; offMs?: number; amplitude?: number }): Int16Array {
  const on = spec.onMs ?? spec.durationMs ?? 1000;
  const off = spec.offMs ?? 0;
  const total = spec.durationMs ?? on + off;
  const out = new Int16Array(Math.round((total * RATE) / 1000));
  const onSamples = Math.round((on * RATE) / 1000);
  const period = onSamples + Math.round((off * RATE) / 1000);
  const gain = (spec.amplitude ?? 0.4) / Math.max(1, spec.frequencies.length);
  for (let i = 0; i < out.length; i++) {
    if (i % period >= onSamples) continue;
    const t = i / RATE;
    let v = 0;
    for (const f of spec.frequencies) v += Math.sin(2 * Math.PI * f * t);
    out[i] = Math.round(v * gain * 32767);
  }
  return out;
}

/** North American ringback: 440 + 480 Hz, 2 s on, 4 s off (one 6 s cycle, to loop). */
export function ringback(): Int16Array {
  return tone({ frequencies: [440, 480], onMs: 2000, offMs: 4000 });
}

/** North American busy: 480 + 620 Hz, 0.5 s on, 0.5 s off (one cycle, to loop). */
export function busy(): Int16Array {
  return tone({ frequencies: [480, 620], onMs: 500, offMs: 500 });
}

/** 20 ms frames of a PCM buffer, once or looping; the last frame is padded with silence. */
export class PcmSource {
  private pos = 0;
  constructor(
    private readonly pcm: Int16Array,
    private readonly loop = false,
  ) {}

  /** The next frame, or undefined once a non-looping source is finished. */
  next(): Int16Array | undefined {
    if (this.pcm.length === 0) return undefined;
    if (this.pos >= this.pcm.length) {
      if (!this.loop) return undefined;
      this.pos = 0;
    }
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(this.pcm.subarray(this.pos, this.pos + FRAME_SAMPLES));
    this.pos += FRAME_SAMPLES;
    return frame;
  }
}
