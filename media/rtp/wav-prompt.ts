/**
 * A WAV file as a prompt: 8 kHz mono 16-bit samples. Accepts PCM 8/16/24/32-bit, 32-bit float,
 * G.711 mu-law and A-law (also in WAVE_FORMAT_EXTENSIBLE), any channel count (averaged to mono)
 * and any sample rate from 4 to 192 kHz (low-passed and resampled to 8 kHz). Anything else
 * (compressed formats, truncated headers) is refused with a WavPromptError naming the reason.
 */
import { alawToLinear, ulawToLinear } from "./g711";

export class WavPromptError extends Error {
  override readonly name = "WavPromptError";
}

const PCM = 1;
const FLOAT = 3;
const ALAW = 6;
const ULAW = 7;
const EXTENSIBLE = 0xfffe;
const RATE = 8000;

interface Format {
  tag: number;
  channels: number;
  rate: number;
  bits: number;
}

/** Decodes a WAV file's bytes to 8 kHz mono; `maxSeconds` bounds the result. */
export function wavToPrompt(buf: Buffer, maxSeconds = 600): Int16Array {
  if (buf.length < 12 || buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") {
    throw new WavPromptError("not a WAV file (no RIFF/WAVE header)");
  }
  let fmt: Format | undefined;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > buf.length) throw new WavPromptError("fmt chunk too short");
      let tag = buf.readUInt16LE(body);
      if (tag === EXTENSIBLE) {
        if (size < 40 || body + 26 > buf.length) throw new WavPromptError("WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
        tag = buf.readUInt16LE(body + 24); // first two bytes of the sub-format GUID
      }
      fmt = { tag, channels: buf.readUInt16LE(body + 2), rate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
      checkFormat(fmt);
    } else if (id === "data") {
      if (!fmt) throw new WavPromptError("data chunk before fmt chunk");
      const end = Math.min(buf.length, body + size);
      const mono = decodeMono(buf.subarray(body, end), fmt);
      if (mono.length === 0) throw new WavPromptError("the data chunk holds no samples");
      if (mono.length / fmt.rate > maxSeconds) throw new WavPromptError(`longer than ${maxSeconds} s`);
      return toInt16(resample(mono, fmt.rate));
    }
    offset = body + size + (size % 2);
  }
  throw new WavPromptError(fmt ? "no data chunk" : "no fmt chunk");
}

function checkFormat(f: Format): void {
  const ok =
    (f.tag === PCM && [8, 16, 24, 32].includes(f.bits)) ||
    (f.tag === FLOAT && f.bits === 32) ||
    ((f.tag === ALAW || f.tag === ULAW) && f.bits === 8);
  if (!ok) throw new WavPromptError(`unsupported WAV format ${f.tag} with ${f.bits}-bit samples (PCM, float, mu-law or A-law only)`);
  if (f.channels < 1 || f.channels > 8) throw new WavPromptError(`unsupported channel count ${f.channels}`);
  if (f.rate < 4000 || f.rate > 192000) throw new WavPromptError(`unsupported sample rate ${f.rate} Hz`);
}

/** Samples as floats in -1..1, channels averaged. */
function decodeMono(data: Buffer, f: Format): Float32Array {
  const width = f.bits / 8;
  const frames = Math.floor(data.length / (width * f.channels));
  const out = new Float32Array(frames);
  const read = (at: number): number => {
    if (f.tag === ALAW) return alawToLinear(data[at] as number) / 32768;
    if (f.tag === ULAW) return ulawToLinear(data[at] as number) / 32768;
    if (f.tag === FLOAT) return data.readFloatLE(at);
    if (f.bits === 8) return ((data[at] as number) - 128) / 128;
    if (f.bits === 16) return data.readInt16LE(at) / 32768;
    if (f.bits === 24) return data.readIntLE(at, 3) / 8388608;
    return data.readInt32LE(at) / 2147483648;
  };
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read((i * f.channels + c) * width);
    out[i] = sum / f.channels;
  }
  return out;
}

/**
 * To 8 kHz by linear interpolation; when downsampling, each source sample used is first
 * low-passed below 3.6 kHz (a Hann-windowed sinc, computed only where it is read).
 */
export function resample(input: Float32Array, rate: number): Float32Array {
  if (rate === RATE) return input;
  const at = rate > RATE ? lowPassAt(input, (0.45 * RATE) / rate) : (j: number) => input[j] ?? 0;
  const n = Math.floor((input.length * RATE) / rate);
  const out = new Float32Array(n);
  const step = rate / RATE;
  for (let i = 0; i < n; i++) {
    const x = i * step;
    const j = Math.floor(x);
    const frac = x - j;
    const a = at(j);
    out[i] = frac === 0 || j + 1 >= input.length ? a : a + (at(j + 1) - a) * frac;
  }
  return out;
}

/** FIR low-pass (cutoff as a fraction of the sample rate, 63 taps) evaluated at one index. */
function lowPassAt(input: Float32Array, cutoff: number): (j: number) => number {
  const taps = 63;
  const half = (taps - 1) / 2;
  const h = new Float32Array(taps);
  let sum = 0;
  for (let k = 0; k < taps; k++) {
    const m = k - half;
    const sinc = m === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * (k + 1)) / (taps + 1));
    h[k] = sinc * w;
    sum += sinc * w;
  }
  for (let k = 0; k < taps; k++) h[k] = (h[k] as number) / sum;
  return (j) => {
    let acc = 0;
    for (let k = 0; k < taps; k++) acc += (h[k] as number) * (input[j + k - half] ?? 0);
    return acc;
  };
}

function toInt16(f: Float32Array): Int16Array {
  return Int16Array.from(f, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767));
}
