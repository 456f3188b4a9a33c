/** MP3 (MPEG audio layer I/II/III) to mono float samples, through libmpg123 compiled to WASM (no native build, no network). */
import { MPEGDecoder } from "mpg123-decoder";
import { PromptAudioError, notAudio } from "./errors";

const CHUNK = 64 * 1024;

/** An ID3v2 tag, or an MPEG audio frame header (11 sync bits, a valid version and layer), at the start. */
export function isMp3(buf: Buffer): boolean {
  if (buf.length >= 3 && buf.toString("latin1", 0, 3) === "ID3") return true;
  if (buf.length < 4) return false;
  const b1 = buf[1] as number;
  return buf[0] === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) !== 0;
}

/** Decodes in chunks and stops as soon as the audio is longer than `maxSeconds` (then throws `tooLong()`). */
export async function decodeMp3(buf: Buffer, maxSeconds: number, tooLong: () => PromptAudioError): Promise<{ rate: number; samples: Float32Array }> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const parts: Float32Array[] = [];
    let rate = 0;
    let total = 0;
    for (let at = 0; at < buf.length; at += CHUNK) {
      const { channelData, samplesDecoded, sampleRate } = decoder.decode(buf.subarray(at, at + CHUNK));
      if (samplesDecoded === 0 || channelData.length === 0) continue;
      rate ||= sampleRate;
      if (sampleRate !== rate) throw new PromptAudioError("format", "the MP3 changes its sample rate midway");
      parts.push(downmix(channelData, samplesDecoded));
      total += samplesDecoded;
      if (total / rate > maxSeconds) throw tooLong();
      await new Promise((resolve) => setImmediate(resolve)); // a long file decodes a chunk at a time, between other work
    }
    if (total === 0) throw notAudio("no MPEG audio frames found");
    const samples = new Float32Array(total);
    let offset = 0;
    for (const p of parts) {
      samples.set(p, offset);
      offset += p.length;
    }
    return { rate, samples };
  } finally {
    decoder.free();
  }
}

function downmix(channels: Float32Array[], n: number): Float32Array {
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (ch[i] ?? 0) / channels.length;
  return out;
}
