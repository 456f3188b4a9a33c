/**
 * Band-limited resampling to 8 kHz. Each output sample is a dot product of the input with a
 * Kaiser-windowed sinc placed at its exact (rational) position, so there is no naive decimation
 * and no linear interpolation: the pass band reaches 3.5 kHz, and everything from 4 kHz (the
 * new Nyquist frequency) up is cut by about 60 dB before it could fold back into the band.
 * Upsampling (sources below 8 kHz) uses the same filter below the source's own Nyquist.
 */
export const PHONE_RATE = 8000;
const STOP_DB = 60;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Modified Bessel function of the first kind, order 0 (for the Kaiser window). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

/** Resamples all of `input` at once (blocks for as long as it takes; see `resampleTo8kYielding`). */
export function resampleTo8k(input: Float32Array, rate: number): Float32Array {
  const r = resampler(input, rate);
  r.fill(0, r.out.length);
  return r.out;
}

/** The same, a slice at a time, letting the event loop run between slices (uploads of minutes of audio). */
export async function resampleTo8kYielding(input: Float32Array, rate: number, slice = 4000): Promise<Float32Array> {
  const r = resampler(input, rate);
  for (let from = 0; from < r.out.length; from += slice) {
    r.fill(from, Math.min(r.out.length, from + slice));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return r.out;
}

function resampler(input: Float32Array, rate: number): { out: Float32Array; fill(from: number, to: number): void } {
  if (!Number.isInteger(rate) || rate <= 0) throw new Error(`bad sample rate ${rate}`);
  if (rate === PHONE_RATE) return { out: Float32Array.from(input), fill: () => {} };
  const stopHz = Math.min(rate, PHONE_RATE) / 2;
  const passHz = stopHz * 0.875;
  const fc = (passHz + stopHz) / 2 / rate; // cut-off, cycles per input sample
  const beta = 0.1102 * (STOP_DB - 8.7);
  // Kaiser's estimate of the length for this attenuation and transition width; `half` taps each side.
  const half = Math.ceil((STOP_DB - 7.95) / (14.36 * ((stopHz - passHz) / rate)) / 2);
  const norm = besselI0(beta);
  const kernel = (tau: number) => {
    const r = tau / half;
    if (r <= -1 || r >= 1) return 0;
    const sinc = tau === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * tau) / (Math.PI * tau);
    return (sinc * besselI0(beta * Math.sqrt(1 - r * r))) / norm;
  };

  // Output sample i sits at input position i * p / q exactly; there are q distinct fractions.
  const g = gcd(rate, PHONE_RATE);
  const p = rate / g;
  const q = PHONE_RATE / g;
  const taps = 2 * half;
  const phases = new Map<number, Float32Array>();
  const phase = (num: number): Float32Array => {
    let h = phases.get(num);
    if (h) return h;
    h = new Float32Array(taps);
    const frac = num / q;
    let sum = 0;
    // Tap t multiplies input[base - half + 1 + t], at distance frac + half - 1 - t from the position.
    for (let t = 0; t < taps; t++) {
      const v = kernel(frac + half - 1 - t);
      h[t] = v;
      sum += v;
    }
    for (let t = 0; t < taps; t++) h[t] = (h[t] as number) / sum; // unity gain at DC for every phase
    phases.set(num, h);
    return h;
  };

  const out = new Float32Array(Math.floor((input.length * q) / p));
  const last = input.length;
  const fill = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const pos = i * p;
      const base = Math.floor(pos / q);
      const h = phase(pos - base * q);
      const start = base - half + 1;
      const end = Math.min(taps, last - start);
      let acc = 0;
      for (let t = Math.max(0, -start); t < end; t++) acc += (h[t] as number) * (input[start + t] as number);
      out[i] = acc;
    }
  };
  return { out, fill };
}
