/**
 * Speech to text over HTTP, in the shape of the OpenAI audio-transcriptions API
 * (`POST …/audio/transcriptions`, multipart `file` + `model`, `response_format=verbose_json`):
 * OpenAI and Groq serve it, and so do self-hosted Whisper servers (faster-whisper's, LocalAI).
 * The audio goes as a 16-bit WAV at the call's own rate; the answer's segments are kept.
 */
import { z } from "zod";
import { pcmWav } from "../prompts/wav-file";
import { type SpeechToText, SpeechToTextError, type SpokenSegment } from "./provider";

export interface HttpSpeechOptions {
  /** The transcriptions endpoint, e.g. https://api.openai.com/v1/audio/transcriptions. */
  url: string;
  apiKey?: string;
  model: string;
  /** ISO 639-1 code sent as a hint ("en"); the service detects it when unset. */
  language?: string;
  timeoutMs?: number;
}

const answer = z.object({
  text: z.string().optional(),
  language: z.string().optional(),
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })).optional(),
});

export function httpSpeech(opts: HttpSpeechOptions): SpeechToText {
  return {
    name: "http",
    language: null,
    async transcribe(audio, { signal } = {}) {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(pcmWav(audio.pcm, audio.sampleRate))], { type: "audio/wav" }), "call.wav");
      form.set("model", opts.model);
      form.set("response_format", "verbose_json");
      form.append("timestamp_granularities[]", "segment");
      if (opts.language) form.set("language", opts.language);
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? 600_000);
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: "POST",
          body: form,
          headers: opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {},
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (e) {
        if (signal?.aborted) throw e;
        throw new SpeechToTextError(`The speech-to-text service could not be reached: ${(e as Error).message}`);
      }
      const body = await res.text();
      if (!res.ok) throw new SpeechToTextError(`The speech-to-text service answered HTTP ${res.status}: ${body.slice(0, 200)}`);
      let parsed: z.infer<typeof answer>;
      try {
        parsed = answer.parse(JSON.parse(body));
      } catch {
        throw new SpeechToTextError("The speech-to-text service's answer is not a transcription (JSON with text or segments)");
      }
      const segments: SpokenSegment[] = (parsed.segments ?? [])
        .map((s) => ({ startMs: Math.round(s.start * 1000), endMs: Math.round(s.end * 1000), text: s.text.trim() }))
        .filter((s) => s.text);
      // A service that gives no segments: the whole text, spanning the audio.
      if (!parsed.segments && parsed.text?.trim()) segments.push({ startMs: 0, endMs: Math.round((audio.pcm.length / audio.sampleRate) * 1000), text: parsed.text.trim() });
      return segments;
    },
  };
}
