/**
 * Uploaded WAV files, read by the media plane's WAV reader (media/rtp/wav-decode.ts); its
 * problems become the upload's errors, worded for the admin who chose the file.
 */
import { WavDecodeError, decodeWav as readWav } from "@/media/rtp/wav-decode";
import { PromptAudioError, emptyAudio, notAudio } from "./errors";

export { isWav } from "@/media/rtp/wav-decode";

export function decodeWav(buf: Buffer): { rate: number; samples: Float32Array } {
  try {
    return readWav(buf);
  } catch (e) {
    if (!(e instanceof WavDecodeError)) throw e;
    if (e.problem === "empty") throw emptyAudio();
    if (e.problem === "not_wav") throw notAudio();
    if (e.problem === "format") throw new PromptAudioError("format", `${e.message}: use PCM, float, mu-law or A-law WAV, or MP3`);
    throw notAudio(e.message);
  }
}
