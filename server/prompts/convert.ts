/**
 * An uploaded WAV or MP3 becomes a phone prompt: mono, resampled to 8 kHz, raised to about
 * -3 dBFS when it is very quiet (peak under -20 dBFS; normal audio is left alone), and encoded as
 * G.711 mu-law, which is what the prompts table stores and what the phone network carries.
 */
import { encodeG711 } from "@/media/rtp/g711";
import { PromptAudioError, emptyAudio, notAudio } from "./errors";
import { decodeMp3, isMp3 } from "./mp3";
import { PHONE_RATE, resampleTo8kYielding } from "@/media/rtp/resample";
import { decodeWav, isWav } from "./wav";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_SECONDS = 300;
const QUIET_PEAK = 10 ** (-20 / 20);
const TARGET_PEAK = 10 ** (-3 / 20);

export interface PromptAudio {
  /** Raw G.711 mu-law bytes, 8000 per second. */
  ulaw: Buffer;
  durationMs: number;
}

const tooLong = () => new PromptAudioError("too_long", `longer than ${MAX_SECONDS / 60} minutes: prompts may be at most ${MAX_SECONDS / 60} minutes long`);

export async function convertPrompt(bytes: Buffer): Promise<PromptAudio> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new PromptAudioError("too_large", `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  if (bytes.length === 0) throw emptyAudio();
  let decoded: { rate: number; samples: Float32Array };
  if (isWav(bytes)) decoded = decodeWav(bytes);
  else if (isMp3(bytes)) decoded = await decodeMp3(bytes, MAX_SECONDS, tooLong);
  else throw notAudio();
  // A little slack for the frames of silence MP3 encoders add at both ends.
  if (decoded.samples.length / decoded.rate > MAX_SECONDS + 0.2) throw tooLong();
  const pcm = toInt16(await resampleTo8kYielding(decoded.samples, decoded.rate), quietGain(decoded.samples));
  if (pcm.length === 0) throw emptyAudio();
  return { ulaw: encodeG711("pcmu", pcm), durationMs: Math.round((pcm.length * 1000) / PHONE_RATE) };
}

/**
 * The gain that brings a quiet recording (source peak below -20 dBFS) to a -3 dBFS peak; 1 for
 * anything louder, and for silence. Measured on the source, so what the low-pass removes (a
 * tone above the phone band) is never mistaken for a quiet prompt and raised.
 */
export function quietGain(samples: Float32Array): number {
  let peak = 0;
  for (const v of samples) peak = Math.max(peak, Math.abs(v));
  return peak === 0 || peak >= QUIET_PEAK ? 1 : TARGET_PEAK / peak;
}

function toInt16(f: Float32Array, gain: number): Int16Array {
  return Int16Array.from(f, (v) => Math.round(Math.max(-1, Math.min(1, v * gain)) * 32767));
}
