/** Test and prompt signals: sine tones and the dominant frequency of a signal. */

export function sine(freqHz: number, durationMs: number, opts: { sampleRate?: number; amplitude?: number; phase?: number } = {}): Int16Array {
  const rate = opts.sampleRate ?? 8000;
  const amplitude = opts.amplitude ?? 0.5;
  const n = Math.round((rate * durationMs) / 1000);
  const out = new Int16Array(n);
  const start = opts.phase ?? 0;
  for (let i = 0; i < n; i++) out[i] = Math.round(Math.sin((2 * Math.PI * freqHz * (start + i)) / rate) * amplitude * 32767);
  return out;
}

/** Power of one frequency in the signal (Goertzel), normalised by length. */
export function goertzel(samples: Int16Array, freqHz: number, sampleRate = 8000): number {
  const k = (2 * Math.cos((2 * Math.PI * freqHz) / sampleRate));
  let s1 = 0;
  let s2 = 0;
  for (const x of samples) {
    const s0 = x + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / (samples.length * samples.length);
}

/** The strongest frequency between `fromHz` and `toHz` in steps of `stepHz`, and how dominant it is. */
export function dominantFrequency(samples: Int16Array, opts: { sampleRate?: number; fromHz?: number; toHz?: number; stepHz?: number } = {}) {
  const rate = opts.sampleRate ?? 8000;
  const step = opts.stepHz ?? 10;
  let best = { hz: 0, power: 0 };
  let total = 0;
  for (let hz = opts.fromHz ?? 100; hz <= (opts.toHz ?? 3500); hz += step) {
    const p = goertzel(samples, hz, rate);
    total += p;
    if (p > best.power) best = { hz, power: p };
  }
  return { hz: best.hz, share: total > 0 ? best.power / total : 0 };
}

/** Root mean square level of the signal, 0..1 of full scale. */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const x of samples) sum += x * x;
  return Math.sqrt(sum / samples.length) / 32768;
}
