/**
 * Recorded human speech for transcription tests: Debian's `pocketsphinx-testdata` (CMU's test
 * clips and LibriVox public-domain readings), brought to what a phone call carries: 8 kHz,
 * through G.711 mu-law and back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeG711, encodeG711 } from "@/media/rtp/g711";
import { resampleTo8k } from "@/media/rtp/resample";
import { decodeWav } from "@/media/rtp/wav-decode";

export const SPEECH_DIR = "/usr/share/pocketsphinx/test/data";

/** What each clip says, and the words a phone-quality transcript of it is checked for. */
export const CLIPS = {
  /** "go forward ten meters" (16 kHz raw). */
  goForward: { file: "goforward.raw", says: "go forward ten meters" },
  /** "he was not an ill disposed young man" (LibriVox, Sense and Sensibility). */
  youngMan: { file: "librivox/sense_and_sensibility_01_austen_64kb-0880.wav", says: "he was not an ill disposed young man" },
} as const;

/** A clip as 8 kHz phone audio (mu-law quantised), 16-bit. */
export function phoneSpeech(clip: keyof typeof CLIPS): Int16Array {
  const file = join(SPEECH_DIR, CLIPS[clip].file);
  const bytes = readFileSync(file);
  let samples: Float32Array;
  let rate: number;
  if (file.endsWith(".raw")) {
    const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    samples = Float32Array.from(pcm, (v) => v / 32768);
    rate = 16000;
  } else ({ samples, rate } = decodeWav(bytes));
  const at8k = resampleTo8k(samples, rate);
  const pcm = Int16Array.from(at8k, (v) => Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
  return decodeG711("pcmu", encodeG711("pcmu", pcm));
}
