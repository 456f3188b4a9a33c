/**
 * Reads a WAV file to mono float samples (-1..1) at its own rate: PCM 8/16/24/32-bit, 32/64-bit
 * float, G.711 mu-law and A-law (also as WAVE_FORMAT_EXTENSIBLE), any channel count (averaged);
 * a data chunk longer than the file (a writer that never finished) is read as far as it goes.
 * The one WAV reader of the project: the prompt player (wav-prompt.ts) and uploaded prompts
 * (server/prompts) both use it, and resample.ts brings its output to 8 kHz.
 */
import { alawToLinear, ulawToLinear } from "./g711";

export type WavProblem = "not_wav" | "header" | "format" | "empty";

export class WavDecodeError extends Error {
  override readonly name = "WavDecodeError";
  constructor(
    readonly problem: WavProblem,
    message: string,
  ) {
    super(message);
  }
}

const PCM = 1;
const FLOAT = 3;
const ALAW = 6;
const ULAW = 7;
const EXTENSIBLE = 0xfffe;

interface Format {
  tag: number;
  channels: number;
  rate: number;
  bits: number;
}

export const isWav = (buf: Buffer) => buf.length >= 12 && buf.toString("ascii", 0, 4) === "RIFF" && buf.toString("ascii", 8, 12) === "WAVE";

/** Mono samples in -1..1; a data chunk longer than the file (a writer that never finished) is read as far as it goes. */
export function decodeWav(buf: Buffer): { rate: number; samples: Float32Array } {
  if (!isWav(buf)) throw new WavDecodeError("not_wav", "not a WAV file (no RIFF/WAVE header)");
  let fmt: Format | undefined;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > buf.length) throw new WavDecodeError("header", "the WAV header is cut short");
      let tag = buf.readUInt16LE(body);
      if (tag === EXTENSIBLE) {
        if (size < 40 || body + 26 > buf.length) throw new WavDecodeError("header", "the WAV header is cut short");
        tag = buf.readUInt16LE(body + 24); // the sub-format GUID starts with the format tag
      }
      fmt = { tag, channels: buf.readUInt16LE(body + 2), rate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
      checkFormat(fmt);
    } else if (id === "data") {
      if (!fmt) throw new WavDecodeError("header", "the WAV has its audio before its format");
      const samples = toMono(buf.subarray(body, Math.min(buf.length, body + size)), fmt);
      if (samples.length === 0) throw new WavDecodeError("empty", "the WAV file holds no samples");
      return { rate: fmt.rate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new WavDecodeError("header", fmt ? "the WAV file is cut short (no audio data)" : "the WAV header is cut short");
}

function checkFormat(f: Format): void {
  const ok =
    (f.tag === PCM && [8, 16, 24, 32].includes(f.bits)) ||
    (f.tag === FLOAT && (f.bits === 32 || f.bits === 64)) ||
    ((f.tag === ALAW || f.tag === ULAW) && f.bits === 8);
  if (!ok) throw new WavDecodeError("format", `unsupported WAV encoding (format ${f.tag}, ${f.bits}-bit)`);
  if (f.channels < 1 || f.channels > 8) throw new WavDecodeError("format", `unsupported WAV channel count ${f.channels}`);
  if (f.rate < 1000 || f.rate > 384_000) throw new WavDecodeError("format", `unsupported WAV sample rate ${f.rate} Hz`);
}

function toMono(data: Buffer, f: Format): Float32Array {
  const width = f.bits / 8;
  const frames = Math.floor(data.length / (width * f.channels));
  const read = (at: number): number => {
    if (f.tag === ALAW) return alawToLinear(data[at] as number) / 32768;
    if (f.tag === ULAW) return ulawToLinear(data[at] as number) / 32768;
    if (f.tag === FLOAT) {
      const v = f.bits === 32 ? data.readFloatLE(at) : data.readDoubleLE(at);
      return Number.isFinite(v) ? v : 0;
    }
    if (f.bits === 8) return ((data[at] as number) - 128) / 128;
    if (f.bits === 16) return data.readInt16LE(at) / 32768;
    if (f.bits === 24) return data.readIntLE(at, 3) / 8388608;
    return data.readInt32LE(at) / 2147483648;
  };
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read((i * f.channels + c) * width);
    out[i] = sum / f.channels;
  }
  return out;
}
