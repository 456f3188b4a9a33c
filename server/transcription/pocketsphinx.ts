/**
 * The local speech-to-text engine: CMU PocketSphinx (`pocketsphinx_continuous`, Debian's
 * `pocketsphinx` and `pocketsphinx-en-us`). Its US English model is trained on 16 kHz speech,
 * so the phone's 8 kHz audio is upsampled first; it runs at a lower CPU priority than the
 * process so that live calls' audio never waits for it. The audio goes through a file that
 * only this process can read (the engine reads files, not sockets), removed as soon as it ran.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { type MonoAudio, type SpeechToText, SpeechToTextError, type SpokenSegment } from "./provider";

export const POCKETSPHINX_BIN = "pocketsphinx_continuous";
export const POCKETSPHINX_MODEL_DIR = "/usr/share/pocketsphinx/model/en-us";
const RATE = 16000;

/** Whether the engine and its model are installed here. */
export function pocketsphinxInstalled(modelDir = POCKETSPHINX_MODEL_DIR): boolean {
  const onPath = (process.env.PATH ?? "").split(":").some((dir) => dir && existsSync(join(dir, POCKETSPHINX_BIN)));
  return onPath && existsSync(join(modelDir, "en-us.lm.bin"));
}

/** Linear interpolation to 16 kHz (the speech band of phone audio ends at 4 kHz anyway). */
export function upsampleTo16k(audio: MonoAudio): Int16Array {
  if (audio.sampleRate === RATE) return audio.pcm;
  const ratio = audio.sampleRate / RATE;
  const out = new Int16Array(Math.floor(audio.pcm.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const at = i * ratio;
    const k = Math.floor(at);
    const a = audio.pcm[k] ?? 0;
    const b = audio.pcm[k + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (at - k));
  }
  return out;
}

/** Words that are not speech in PocketSphinx's output: sentence marks, silence, noises. */
const NOT_WORDS = /^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+)$/;

/**
 * Reads `pocketsphinx_continuous -time yes` output: per utterance, the hypothesis line and then
 * one line per word `word start end confidence` (seconds), opened by `<s>` and closed by `</s>`.
 */
export function parseTimedWords(stdout: string): SpokenSegment[] {
  const segments: SpokenSegment[] = [];
  let words: { word: string; start: number; end: number }[] = [];
  const close = () => {
    const first = words[0];
    const last = words[words.length - 1];
    if (first && last) segments.push({ startMs: Math.round(first.start * 1000), endMs: Math.round(last.end * 1000), text: words.map((w) => w.word).join(" ") });
    words = [];
  };
  for (const line of stdout.split("\n")) {
    const m = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?(?:e-?\d+)?)$/.exec(line.trim());
    if (!m) continue;
    const [, token = "", start = "0", end = "0"] = m;
    if (token === "<s>") close();
    const word = token.replace(/\(\d+\)$/, "");
    if (!NOT_WORDS.test(word)) words.push({ word, start: Number(start), end: Number(end) });
    if (token === "</s>") close();
  }
  close();
  return segments;
}

export function pocketsphinx(opts: { modelDir?: string; niceness?: number; timeoutMs?: number } = {}): SpeechToText {
  const model = opts.modelDir ?? POCKETSPHINX_MODEL_DIR;
  return {
    name: "pocketsphinx",
    language: "en-US",
    async transcribe(audio, { signal } = {}) {
      const pcm = upsampleTo16k(audio);
      const dir = await mkdtemp(join(tmpdir(), "hotline-stt-"));
      try {
        const file = join(dir, "audio.raw");
        await writeFile(file, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength), { mode: 0o600 });
        return await run(file, signal);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };

  function run(file: string, signal: AbortSignal | undefined) {
    const args = ["-infile", file, "-time", "yes", "-logfn", "/dev/null", "-samprate", String(RATE), "-hmm", join(model, "en-us"), "-lm", join(model, "en-us.lm.bin"), "-dict", join(model, "cmudict-en-us.dict")];
    return new Promise<SpokenSegment[]>((resolve, reject) => {
      const child = spawn(POCKETSPHINX_BIN, args, { stdio: ["ignore", "pipe", "pipe"], signal, timeout: opts.timeoutMs ?? 3_600_000 });
      if (child.pid !== undefined) {
        try {
          setPriority(child.pid, opts.niceness ?? 10);
        } catch {
          // Not allowed to lower it: it still runs, at the same priority.
        }
      }
      const out: Buffer[] = [];
      let err = "";
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
      child.on("error", (e) => reject(signal?.aborted ? e : new SpeechToTextError(`PocketSphinx could not run: ${e.message}`)));
      child.on("close", (code, sig) => {
        if (code === 0) resolve(parseTimedWords(Buffer.concat(out).toString("utf8")));
        else reject(new SpeechToTextError(`PocketSphinx stopped (${sig ?? `exit ${code}`})${err ? `: ${err.trim().split("\n").pop()}` : ""}`));
      });
    });
  }
}
