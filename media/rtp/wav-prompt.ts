/**
 * A WAV file as a prompt: 8 kHz mono 16-bit samples. Accepts PCM 8/16/24/32-bit, 32/64-bit
 * float, G.711 mu-law and A-law (also in WAVE_FORMAT_EXTENSIBLE), any channel count (averaged
 * to mono) and any sample rate from 1 to 384 kHz (band-limited and resampled to 8 kHz by resample.ts).
 * Anything else (compressed formats, truncated headers) is refused with a WavPromptError naming
 * the reason. The reading itself is wav-decode.ts's.
 */
import { resampleTo8k } from "./resample";
import { WavDecodeError, decodeWav } from "./wav-decode";

export class WavPromptError extends Error {
  override readonly name = "WavPromptError";
}

/** Decodes a WAV file's bytes to 8 kHz mono; `maxSeconds` bounds the result. */
export function wavToPrompt(buf: Buffer, maxSeconds = 600): Int16Array {
  let wav: { rate: number; samples: Float32Array };
  try {
    wav = decodeWav(buf);
  } catch (e) {
    throw e instanceof WavDecodeError ? new WavPromptError(e.message) : e;
  }
  if (wav.samples.length / wav.rate > maxSeconds) throw new WavPromptError(`longer than ${maxSeconds} s`);
  return Int16Array.from(resampleTo8k(wav.samples, wav.rate), (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767));
}
