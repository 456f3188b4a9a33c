/**
 * Talk time per leg from 20 ms frames: an energy voice-activity detector (level above a noise
 * floor that follows the quietest recent audio, at least -50 dBFS) with 2 frames of attack and
 * 200 ms of hangover, so syllable gaps are not silence. Talk-over is time when two or more legs
 * talk at once. Pure: the call's clock feeds it one frame per leg per tick.
 */
import { FRAME_MS } from "./frames";

export interface LegSpeech {
  talkMs: number;
  silenceMs: number;
  /** Level of the leg's last frame in dBFS (-Infinity for digital silence). */
  levelDb: number;
  talking: boolean;
}

export interface SpeechStats {
  /** Time measured. */
  durationMs: number;
  legs: Record<string, LegSpeech>;
  /** Time two or more legs talked at once. */
  talkOverMs: number;
}

const MIN_THRESHOLD_DB = -50;
const ABOVE_FLOOR_DB = 15;
const ATTACK_FRAMES = 2;
const HANGOVER_FRAMES = 10;

export function levelDb(frame: Int16Array): number {
  let sum = 0;
  for (const x of frame) sum += x * x;
  return frame.length === 0 || sum === 0 ? -Infinity : 10 * Math.log10(sum / frame.length / (32768 * 32768));
}

class LegVad {
  readonly stats: LegSpeech = { talkMs: 0, silenceMs: 0, levelDb: -Infinity, talking: false };
  private floorDb = -70;
  private loud = 0;
  private quiet = 0;

  push(frame: Int16Array | undefined): boolean {
    const db = frame ? levelDb(frame) : -Infinity;
    this.stats.levelDb = db;
    if (Number.isFinite(db)) this.floorDb = db < this.floorDb ? db : this.floorDb + 0.05; // falls fast, rises 2.5 dB/s
    const threshold = Math.max(MIN_THRESHOLD_DB, this.floorDb + ABOVE_FLOOR_DB);
    if (db > threshold) {
      this.loud++;
      this.quiet = 0;
      if (this.loud >= ATTACK_FRAMES) this.stats.talking = true;
    } else {
      this.loud = 0;
      if (++this.quiet > HANGOVER_FRAMES) this.stats.talking = false;
    }
    if (this.stats.talking) this.stats.talkMs += FRAME_MS;
    else this.stats.silenceMs += FRAME_MS;
    return this.stats.talking;
  }
}

export class SpeechMeter {
  private readonly legs = new Map<string, LegVad>();
  private durationMs = 0;
  private talkOverMs = 0;

  /** One 20 ms tick: each present leg's frame (undefined when it sent nothing). */
  tick(frames: ReadonlyMap<string, Int16Array | undefined>): void {
    let talking = 0;
    for (const [id, frame] of frames) {
      let vad = this.legs.get(id);
      if (!vad) this.legs.set(id, (vad = new LegVad()));
      if (vad.push(frame)) talking++;
    }
    this.durationMs += FRAME_MS;
    if (talking >= 2) this.talkOverMs += FRAME_MS;
  }

  read(): SpeechStats {
    const legs: Record<string, LegSpeech> = {};
    for (const [id, vad] of this.legs) legs[id] = { ...vad.stats };
    return { durationMs: this.durationMs, legs, talkOverMs: this.talkOverMs };
  }
}
