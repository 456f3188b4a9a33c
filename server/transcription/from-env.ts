import type { Env } from "../env";
import { EnvError } from "../env";
import { httpSpeech } from "./http";
import { pocketsphinx, pocketsphinxInstalled } from "./pocketsphinx";
import type { SpeechToText } from "./provider";

/** The speech-to-text provider TRANSCRIPTION names, or null when transcription is off here. */
export function speechToTextFromEnv(env: Env): SpeechToText | null {
  switch (env.TRANSCRIPTION) {
    case "off":
      return null;
    case "http":
      return httpSpeech({ url: env.TRANSCRIPTION_URL as string, apiKey: env.TRANSCRIPTION_API_KEY, model: env.TRANSCRIPTION_MODEL, language: env.TRANSCRIPTION_LANGUAGE });
    case "pocketsphinx":
      if (!pocketsphinxInstalled()) throw new EnvError(["TRANSCRIPTION: pocketsphinx is not installed (apt-get install pocketsphinx pocketsphinx-en-us)"]);
      return pocketsphinx();
    case "auto":
      return pocketsphinxInstalled() ? pocketsphinx() : null;
  }
}
