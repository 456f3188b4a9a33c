/**
 * Speech to text behind one small interface, so a deployment picks its engine: the local
 * CMU PocketSphinx (Debian's `pocketsphinx`, English, no network) or any HTTP service that
 * speaks the OpenAI audio-transcriptions API (OpenAI, Groq, a self-hosted faster-whisper or
 * whisper.cpp server). The worker (worker.ts) hands it one side of a call at a time.
 */

/** 16-bit mono PCM (a call's recording is 8 kHz). */
export interface MonoAudio {
  pcm: Int16Array;
  sampleRate: number;
}

/** One utterance, timed from the start of the audio. */
export interface SpokenSegment {
  startMs: number;
  endMs: number;
  text: string;
}

export interface SpeechToText {
  /** Shown on the transcript ("pocketsphinx", "http"). */
  readonly name: string;
  /** The language the transcript is in (BCP 47), when the engine is fixed to one. */
  readonly language: string | null;
  transcribe(audio: MonoAudio, opts?: { signal?: AbortSignal }): Promise<SpokenSegment[]>;
}

export class SpeechToTextError extends Error {
  override readonly name = "SpeechToTextError";
}
