import { sine } from "@/media/rtp/tone";
import { WavWriter } from "@/media/rtp/wav";

/** An 8 kHz mono 16-bit WAV of one tone (test peers play it as their microphone). */
export function writeToneWav(path: string, hz: number, seconds: number, amplitude = 0.4): string {
  const w = new WavWriter(path, 1, 8000);
  for (let s = 0; s < seconds; s++) w.write(sine(hz, 1000, { amplitude, phase: s * 8000 }));
  w.close();
  return path;
}
