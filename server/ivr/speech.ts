/**
 * Text to speech for prompts behind one small interface; the local provider runs espeak-ng
 * (Debian) and resamples its 22.05 kHz output to the 8 kHz the phone network carries. Results
 * are cached by text and voice, in memory and under the data folder.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SpeechProvider {
  /** 16-bit mono PCM at 8 kHz. */
  synthesize(text: string): Promise<Int16Array>;
}

/** PCM of a WAV stream whose data size may be unknown (espeak-ng's stdout says 0x7ffff000). */
export function parseWavPcm(buf: Buffer): { rate: number; pcm: Int16Array } {
  if (buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") throw new Error("not a WAV stream");
  let offset = 12;
  let rate = 0;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    if (id === "fmt ") rate = buf.readUInt32LE(offset + 12);
    if (id === "data") {
      const body = buf.subarray(offset + 8, Math.min(buf.length, offset + 8 + size));
      const pcm = new Int16Array(Math.floor(body.length / 2));
      for (let i = 0; i < pcm.length; i++) pcm[i] = body.readInt16LE(i * 2);
      return { rate, pcm };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error("WAV stream has no data");
}

/** Resamples to 8 kHz: a moving-average low-pass over the source span, then linear interpolation. */
export function to8k(pcm: Int16Array, rate: number): Int16Array {
  if (rate === 8000) return pcm;
  const ratio = rate / 8000;
  const out = new Int16Array(Math.floor(pcm.length / ratio));
  const half = Math.max(1, Math.floor(ratio / 2));
  for (let i = 0; i < out.length; i++) {
    const center = i * ratio;
    let sum = 0;
    let n = 0;
    for (let k = Math.floor(center) - half; k <= Math.floor(center) + half; k++) {
      if (k < 0 || k >= pcm.length) continue;
      sum += pcm[k] as number;
      n++;
    }
    out[i] = n ? Math.round(sum / n) : 0;
  }
  return out;
}

export function espeakSpeech(opts: { cacheDir: string; voice?: string; wordsPerMinute?: number }): SpeechProvider {
  const voice = opts.voice ?? "en-us";
  const wpm = opts.wordsPerMinute ?? 160;
  const memory = new Map<string, Promise<Int16Array>>();
  mkdirSync(opts.cacheDir, { recursive: true });

  const run = (text: string) =>
    new Promise<Buffer>((resolve, reject) => {
      execFile("espeak-ng", ["-v", voice, "-s", String(wpm), "--stdout", "--", text], { encoding: "buffer", maxBuffer: 64 * 1024 * 1024, timeout: 30_000 }, (err, stdout) =>
        err ? reject(new Error(`espeak-ng failed: ${err.message}`)) : resolve(stdout),
      );
    });

  return {
    synthesize(text) {
      const key = createHash("sha256").update(`${voice}\0${wpm}\0${text}`).digest("hex").slice(0, 32);
      const cached = memory.get(key);
      if (cached) return cached;
      const file = join(opts.cacheDir, `${key}.pcm`);
      const work = (async () => {
        if (existsSync(file)) {
          const b = readFileSync(file);
          return new Int16Array(b.buffer, b.byteOffset, b.length / 2);
        }
        const { rate, pcm } = parseWavPcm(await run(text));
        const out = to8k(pcm, rate);
        writeFileSync(file, Buffer.from(out.buffer, out.byteOffset, out.byteLength));
        return out;
      })();
      work.catch(() => memory.delete(key));
      memory.set(key, work);
      return work;
    },
  };
}
