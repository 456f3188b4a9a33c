import { describe, expect, it } from "vitest";
import { FRAME_SAMPLES, FrameQueue, mix } from "./frames";
import { PcmSource, musicOnHold, ringback } from "./prompts";
import { dominantFrequency, goertzel, rms, sine } from "./tone";

describe("FrameQueue", () => {
  it("re-frames packets of any size into 160-sample frames after a 2-frame prebuffer", () => {
    const q = new FrameQueue();
    q.push(Int16Array.from({ length: 100 }, (_, i) => i));
    expect(q.take()).toBeUndefined();
    q.push(Int16Array.from({ length: 300 }, (_, i) => 100 + i));
    const a = q.take();
    const b = q.take();
    expect([a?.[0], a?.[159], b?.[0], b?.[159]]).toEqual([0, 159, 160, 319]);
    expect(q.take()).toBeUndefined(); // 80 samples left: refills before playing again
    q.push(new Int16Array(160));
    expect(q.take()).toBeUndefined();
    q.push(new Int16Array(160));
    expect(q.take()?.[0]).toBe(320);
  });

  it("drops the oldest audio beyond its bound, so latency stays bounded", () => {
    const q = new FrameQueue(2, 4);
    for (let i = 0; i < 10; i++) q.push(new Int16Array(FRAME_SAMPLES).fill(i));
    expect(q.take()?.[0]).toBe(6);
  });

  it("mixes with clipping", () => {
    const m = mix([new Int16Array(FRAME_SAMPLES).fill(30000), new Int16Array(FRAME_SAMPLES).fill(10000)]);
    expect(m[0]).toBe(32767);
    expect(mix([])[5]).toBe(0);
  });
});

describe("prompts", () => {
  it("PcmSource gives 20 ms frames, pads the last, and loops when asked", () => {
    const once = new PcmSource(new Int16Array(200).fill(1));
    expect(once.next()?.length).toBe(160);
    const last = once.next();
    expect([last?.[39], last?.[40]]).toEqual([1, 0]);
    expect(once.next()).toBeUndefined();
    const loop = new PcmSource(new Int16Array(160).fill(2), true);
    for (let i = 0; i < 5; i++) expect(loop.next()?.[0]).toBe(2);
    expect(new PcmSource(new Int16Array(0), true).next()).toBeUndefined();
  });

  it("ringback is 440 + 480 Hz for 2 s, then 4 s of silence", () => {
    const r = ringback();
    expect(r.length).toBe(6 * 8000);
    const on = r.subarray(0, 16000);
    expect(goertzel(on, 440) + goertzel(on, 480)).toBeGreaterThan(100 * goertzel(on, 1000));
    expect(rms(r.subarray(16000))).toBe(0);
  });

  it("music on hold is 8 s, audible, not clipped, and loops without a click", () => {
    const m = musicOnHold();
    expect(m.length).toBe(8 * 8000);
    expect(rms(m)).toBeGreaterThan(0.05);
    expect(Math.max(...m.map(Math.abs))).toBeLessThan(32767);
    expect(Math.abs((m[0] as number) - (m[m.length - 1] as number))).toBeLessThan(500);
    // Tonal, in the voice band.
    const { hz } = dominantFrequency(m, { fromHz: 100, toHz: 1200 });
    expect(hz).toBeGreaterThan(100);
    expect(sine(440, 20).length).toBe(FRAME_SAMPLES);
  });
});
