/**
 * A call recording: a stereo 8 kHz WAV, left the caller, right everyone else, one frame per
 * 20 ms tick of the call's clock (silence where a side sent nothing, so the channels stay
 * aligned). Written as it goes; the header is rewritten every second, so a crash loses at most
 * the last second. Paused (a caller reading out card digits), it writes silence instead of the
 * audio: the recording keeps the call's length and its timeline, without what was said.
 */
import { MediaError } from "./errors";
import { FRAME_MS, FRAME_SAMPLES, mix } from "./rtp/frames";
import { WavWriter } from "./rtp/wav";

export interface RecordingResult {
  path: string;
  durationMs: number;
  /** How much of it was paused (written as silence). */
  pausedMs: number;
  /** Set when writing failed part way (disk full, ...): the file holds `durationMs` of audio. */
  error?: string;
}

/** A running recording, as the call hands it out. */
export interface RecordingHandle {
  /** Pauses (silence is written from the next 20 ms frame on) or resumes; throws once stopped. */
  setPaused(paused: boolean): void;
  readonly paused: boolean;
  stop(): Promise<RecordingResult>;
}

export class CallRecorder {
  /** The caller's leg (left channel), fixed once known. */
  leftId: string | undefined;
  private readonly writer: WavWriter;
  private frames = 0;
  private pausedFrames = 0;
  /** While true, every frame is written as silence. */
  paused = false;
  private result: RecordingResult | undefined;
  /** Why writing stopped early (disk full, ...), if it did. */
  failure: string | undefined;

  constructor(readonly path: string) {
    if (typeof path !== "string" || path.length === 0) throw new MediaError("bad_parameter", "the recording path must be a non-empty string");
    try {
      this.writer = new WavWriter(path, 2, 8000, 1000);
    } catch (err) {
      throw new MediaError("bad_parameter", `cannot write the recording ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  get stopped(): boolean {
    return this.result !== undefined;
  }

  write(left: Int16Array | undefined, right: Int16Array[]): void {
    if (this.result) return;
    const out = new Int16Array(2 * FRAME_SAMPLES);
    if (this.paused) this.pausedFrames++;
    else {
      const r = mix(right);
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        out[2 * i] = left?.[i] ?? 0;
        out[2 * i + 1] = r[i] as number;
      }
    }
    try {
      this.writer.write(out);
    } catch (err) {
      this.failure = err instanceof Error ? err.message : String(err);
      this.stop();
      return;
    }
    this.frames++;
  }

  stop(): RecordingResult {
    if (!this.result) {
      try {
        this.writer.close();
      } catch (err) {
        this.failure ??= err instanceof Error ? err.message : String(err);
      }
      this.result = { path: this.path, durationMs: this.frames * FRAME_MS, pausedMs: this.pausedFrames * FRAME_MS, ...(this.failure ? { error: this.failure } : {}) };
    }
    return this.result;
  }
}
