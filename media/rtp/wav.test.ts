import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dominantFrequency, sine } from "./tone";
import { WavWriter, readWav } from "./wav";

const interleave = (l: Int16Array, r: Int16Array) => {
  const out = new Int16Array(l.length * 2);
  for (let i = 0; i < l.length; i++) {
    out[2 * i] = l[i] as number;
    out[2 * i + 1] = r[i] as number;
  }
  return out;
};

describe("WAV", () => {
  it("writes stereo incrementally and reads both channels back", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wav-")), "rec.wav");
    let now = 0;
    const w = new WavWriter(path, 2, 8000, 1000, () => now);
    for (let i = 0; i <= 50; i++) {
      w.write(interleave(sine(1000, 20, { phase: i * 160 }), sine(440, 20, { phase: i * 160 })));
      now += 20;
    }
    // Before close (as after a crash) the header already covers the first second and more.
    const partial = readWav(path);
    expect(partial.data[0]?.length).toBe(8160);
    w.close();
    const wav = readWav(path);
    expect(wav).toMatchObject({ channels: 2, sampleRate: 8000 });
    expect(wav.data[0]?.length).toBe(8160);
    expect(dominantFrequency(wav.data[0] as Int16Array).hz).toBe(1000);
    expect(dominantFrequency(wav.data[1] as Int16Array).hz).toBe(440);
    expect(readFileSync(path).length).toBe(44 + 8160 * 4);
  });

  it("refuses a file that is not a WAV", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wav-")), "x.wav");
    new WavWriter(path).close();
    expect(readWav(path).data[0]?.length).toBe(0);
    expect(() => readWav(new URL(import.meta.url).pathname)).toThrow(/not a WAV/);
  });
});
