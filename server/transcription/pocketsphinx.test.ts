import { describe, expect, it } from "vitest";
import { parseTimedWords, pocketsphinx, upsampleTo16k } from "./pocketsphinx";
import { SpeechToTextError } from "./provider";
import { phoneSpeech } from "./speech-fixtures";

describe("PocketSphinx speech to text", () => {
  it("transcribes human speech that went through a phone line, with word timings", async () => {
    const pcm = phoneSpeech("goForward");
    const segments = await pocketsphinx({ niceness: 0 }).transcribe({ pcm, sampleRate: 8000 });
    expect(segments).toHaveLength(1);
    const [s] = segments;
    expect(s?.text).toBe("go forward ten meters");
    // The words start after the clip's leading silence and end before its end (about 2.6 s).
    expect(s?.startMs).toBeGreaterThan(200);
    expect(s?.endMs).toBeLessThan((pcm.length / 8000) * 1000);
    expect(s?.endMs).toBeGreaterThan(1500);
  });

  it("finds nothing in silence", async () => {
    expect(await pocketsphinx({ niceness: 0 }).transcribe({ pcm: new Int16Array(8000 * 3), sampleRate: 8000 })).toEqual([]);
  });

  it("says clearly when the engine cannot run, and stops when asked", async () => {
    await expect(pocketsphinx({ modelDir: "/nonexistent" }).transcribe({ pcm: phoneSpeech("goForward"), sampleRate: 8000 })).rejects.toThrow(SpeechToTextError);
    const stop = new AbortController();
    const running = pocketsphinx().transcribe({ pcm: new Int16Array(8000 * 600), sampleRate: 8000 }, { signal: stop.signal });
    stop.abort();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
  });

  it("reads utterances and word times from the engine's output, leaving out silences and noises", () => {
    const out = ["go forward", "<s> 0.000 0.240 1.000000", "<sil> 0.250 0.450 0.706282", "go 0.460 0.630 0.997303", "forward(2) 0.640 1.160 0.996207", "[NOISE] 1.2 1.3 1", "</s> 2.120 2.600 1.000000", "hello", "<s> 3.000 3.100 1", "hello 3.1 3.5 0.9", "</s> 3.5 3.6 1", ""].join("\n");
    expect(parseTimedWords(out)).toEqual([
      { startMs: 460, endMs: 1160, text: "go forward" },
      { startMs: 3100, endMs: 3500, text: "hello" },
    ]);
  });

  it("upsamples 8 kHz to 16 kHz between the original samples", () => {
    expect(Array.from(upsampleTo16k({ pcm: Int16Array.from([0, 100, 200]), sampleRate: 8000 }))).toEqual([0, 50, 100, 150, 200, 200]);
  });
});
