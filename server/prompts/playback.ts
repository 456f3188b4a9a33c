/**
 * What a flow's prompt sounds like on a call, as 8 kHz PCM for the media plane's player: speech
 * from the speech provider, a generated tone, or an uploaded recording (stored as G.711 mu-law,
 * decoded once and kept in a small LRU cache by tenant and prompt).
 */
import { decodeG711 } from "@/media/rtp/g711";
import { sine } from "@/media/rtp/tone";
import type { Prompt } from "../ivr/definition";
import type { SpeechProvider } from "../ivr/speech";

/** Decoded prompts, least recently used dropped first once they hold more than `maxSamples` in all. */
export class DecodedPromptCache {
  private readonly entries = new Map<string, Promise<Int16Array>>();
  private readonly sizes = new Map<string, number>();
  private total = 0;
  constructor(private readonly maxSamples = 8000 * 60 * 20) {}

  get(key: string, load: () => Promise<Int16Array>): Promise<Int16Array> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const loading = load();
    this.entries.set(key, loading);
    loading.then(
      (pcm) => {
        if (this.entries.get(key) !== loading) return;
        this.sizes.set(key, pcm.length);
        this.total += pcm.length;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === loading) this.entries.delete(key);
      },
    );
    return loading;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.total <= this.maxSamples || this.entries.size <= 1) return;
      const size = this.sizes.get(key);
      if (size === undefined) continue; // still loading
      this.entries.delete(key);
      this.sizes.delete(key);
      this.total -= size;
    }
  }
}

export interface PromptSources {
  tenantId: string;
  speech: SpeechProvider;
  /** The stored mu-law bytes of one of the tenant's uploaded prompts. */
  loadUlaw: (promptId: string) => Promise<Buffer>;
  cache: DecodedPromptCache;
}

/** The samples to play for `prompt`. */
export function promptAudio(src: PromptSources): (prompt: Prompt) => Promise<Int16Array> {
  return async (p) => {
    switch (p.kind) {
      case "tts":
        return src.speech.synthesize(p.text);
      case "tone":
        return sine(p.hz, p.ms, { amplitude: 0.3 });
      case "audio":
        return src.cache.get(`${src.tenantId}:${p.promptId}`, async () => decodeG711("pcmu", await src.loadUlaw(p.promptId)));
    }
  };
}
