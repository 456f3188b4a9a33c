/**
 * What a leg can be played: raw 8 kHz PCM, a tone, a WAV file, or a built-in signal. Each is
 * turned into 8 kHz mono samples before the playback starts, so a bad file fails `play` itself.
 */
import { readFileSync, statSync } from "node:fs";
import { MediaError } from "./errors";
import { busy, musicOnHold, ringback, tone } from "./rtp/prompts";
import { wavToPrompt, WavPromptError } from "./rtp/wav-prompt";

/** Ten minutes of 8 kHz audio. */
export const MAX_PLAY_SAMPLES = 8000 * 600;
const MAX_WAV_BYTES = 200 * 1024 * 1024;
/**
 * Decoded WAVs by path, size and mtime (music on hold and common prompts are read once):
 * decoding runs on the media process's event loop (about 0.3 s per minute of 44.1 kHz stereo,
 * 0.06 s per minute of 8 kHz), which every call's clock shares. At most 20 minutes of audio kept.
 */
const cache = new Map<string, { key: string; pcm: Int16Array }>();
const CACHE_SAMPLES = 8000 * 60 * 20;
let cachedSamples = 0;

export type PlaySource =
  /** 8 kHz mono 16-bit samples. */
  | { kind: "pcm"; samples: Int16Array }
  /** The sum of `frequencies` for `durationMs`; with `onMs`/`offMs` a cadence within it. */
  | { kind: "tone"; frequencies: number[]; durationMs: number; onMs?: number; offMs?: number }
  /** PCM (8-32 bit, float), mu-law or A-law WAV, any rate and channel count (made 8 kHz mono). */
  | { kind: "wav"; path: string }
  /** 440 + 480 Hz, 2 s on, 4 s off (one cycle; play with loop). */
  | { kind: "ringback" }
  /** 480 + 620 Hz, 0.5 s on, 0.5 s off (one cycle; play with loop). */
  | { kind: "busy" }
  /** Built-in music on hold (8 s of tones), or the WAV at `wavPath`. */
  | { kind: "music"; wavPath?: string };

export function resolvePlaySource(source: PlaySource | Int16Array): Int16Array {
  if (source instanceof Int16Array) return checkLength(source);
  if (ArrayBuffer.isView(source) || Array.isArray(source)) throw new MediaError("bad_parameter", "pcm must be an Int16Array of 8 kHz mono samples");
  if (typeof source !== "object" || source === null) throw new MediaError("bad_parameter", "the play source must be an Int16Array or a { kind } object");
  switch (source.kind) {
    case "pcm":
      if (!(source.samples instanceof Int16Array)) throw new MediaError("bad_parameter", "pcm samples must be an Int16Array of 8 kHz mono samples");
      return checkLength(source.samples);
    case "tone":
      return tone(checkTone(source));
    case "wav":
      return readWavPrompt(source.path);
    case "ringback":
      return builtIn("ringback", ringback);
    case "busy":
      return builtIn("busy", busy);
    case "music":
      return source.wavPath === undefined ? builtIn("music", musicOnHold) : readWavPrompt(source.wavPath);
    default:
      throw new MediaError("bad_parameter", `unknown play source kind ${JSON.stringify((source as { kind: unknown }).kind)}`);
  }
}

/**
 * The built-in sounds are made once per process, not per call (music on hold is 8 s of
 * synthesized notes: making it for each waiting caller cost more than playing it). Players only
 * read their PCM (PcmSource copies each frame out), so every call shares one array.
 */
const made = new Map<string, Int16Array>();
function builtIn(name: string, make: () => Int16Array): Int16Array {
  let pcm = made.get(name);
  if (!pcm) made.set(name, (pcm = make()));
  return pcm;
}

function checkLength(pcm: Int16Array): Int16Array {
  if (pcm.length > MAX_PLAY_SAMPLES) throw new MediaError("bad_parameter", `pcm is longer than ${MAX_PLAY_SAMPLES / 8000} s; stream it in parts`);
  return pcm;
}

function checkTone(t: { frequencies: unknown; durationMs: unknown; onMs?: unknown; offMs?: unknown }) {
  const freqs = t.frequencies;
  if (!Array.isArray(freqs) || freqs.length === 0 || freqs.length > 4 || !freqs.every((f) => typeof f === "number" && f >= 20 && f <= 3900)) {
    throw new MediaError("bad_parameter", "tone frequencies must be 1 to 4 numbers from 20 to 3900 Hz");
  }
  const ms = (v: unknown, name: string, optional: boolean): number | undefined => {
    if (v === undefined && optional) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 600_000) throw new MediaError("bad_parameter", `tone ${name} must be 0 to 600000 ms`);
    return v;
  };
  const durationMs = ms(t.durationMs, "durationMs", false) as number;
  const onMs = ms(t.onMs, "onMs", true);
  const offMs = ms(t.offMs, "offMs", true);
  if (onMs !== undefined && onMs + (offMs ?? 0) <= 0) throw new MediaError("bad_parameter", "tone onMs + offMs must be positive");
  return { frequencies: freqs as number[], durationMs, onMs, offMs };
}

function readWavPrompt(path: unknown): Int16Array {
  if (typeof path !== "string" || path.length === 0) throw new MediaError("bad_parameter", "the WAV path must be a non-empty string");
  let buf: Buffer;
  let key: string;
  try {
    const st = statSync(path);
    key = `${st.size}:${st.mtimeMs}`;
    const hit = cache.get(path);
    if (hit?.key === key) {
      cache.delete(path); // most recently used last
      cache.set(path, hit);
      return hit.pcm;
    }
    buf = readFileSync(path);
  } catch (err) {
    throw new MediaError("bad_parameter", `cannot read WAV ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (buf.length > MAX_WAV_BYTES) throw new MediaError("bad_parameter", `WAV ${path} is larger than ${MAX_WAV_BYTES} bytes`);
  try {
    return remember(path, key, wavToPrompt(buf, MAX_PLAY_SAMPLES / 8000));
  } catch (err) {
    if (err instanceof WavPromptError) throw new MediaError("bad_parameter", `WAV ${path}: ${err.message}`, { cause: err });
    throw new MediaError("bad_parameter", `WAV ${path} is malformed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

function remember(path: string, key: string, pcm: Int16Array): Int16Array {
  const old = cache.get(path);
  if (old) {
    cache.delete(path);
    cachedSamples -= old.pcm.length;
  }
  if (pcm.length > CACHE_SAMPLES) return pcm;
  cache.set(path, { key, pcm });
  cachedSamples += pcm.length;
  for (const [p, e] of cache) {
    if (cachedSamples <= CACHE_SAMPLES) break;
    cache.delete(p);
    cachedSamples -= e.pcm.length;
  }
  return pcm;
}
