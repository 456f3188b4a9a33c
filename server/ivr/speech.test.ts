import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dominantFrequency, rms, sine } from "@/media/rtp/tone";
import { espeakSpeech, to8k } from "./speech";

const dir = mkdtempSync(join(tmpdir(), "hotline-speech-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("speech", () => {
  it("speaks a prompt with espeak-ng as 8 kHz audio, cached on disk", async () => {
    const speech = espeakSpeech({ cacheDir: dir });
    const pcm = await speech.synthesize("For sales, press one.");
    expect(pcm.length / 8000).toBeGreaterThan(0.8);
    expect(pcm.length / 8000).toBeLessThan(5);
    expect(rms(pcm)).toBeGreaterThan(0.02);
    expect(readdirSync(dir)).toHaveLength(1);
    const again = await espeakSpeech({ cacheDir: dir }).synthesize("For sales, press one.");
    expect(again).toEqual(pcm);
  });

  it("keeps a tone's frequency when it resamples to 8 kHz", () => {
    const src = sine(700, 500, { sampleRate: 22050 });
    const out = to8k(src, 22050);
    expect(out.length).toBe(Math.floor(src.length / (22050 / 8000)));
    expect(dominantFrequency(out).hz).toBe(700);
  });
});
