import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import { rms } from "./rtp/tone";
import { readWav } from "./rtp/wav";
import { callWithTones, freq, presence } from "./testing/calls";
import { sleep } from "./testing/rtp-peer";

let plane: MediaPlane;
let dir = "";

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 47000, rtcMaxPort: 47999 });
  dir = mkdtempSync(join(tmpdir(), "hotline-rec-"));
});
afterEach(() => {
  expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
});
afterAll(() => {
  plane.close();
  rmSync(dir, { recursive: true, force: true });
});

const TONES = [500, 1000, 1500];

describe("record", () => {
  it("writes the caller's 1 kHz left and the agent's 440 Hz right, aligned, as it goes", async () => {
    const { call, close } = await callWithTones(plane, "rec", [1000, 440]);
    try {
      const path = join(dir, "rec.wav");
      await sleep(200);
      const t0 = performance.now();
      const rec = call.record(path);
      await sleep(1600);
      // Before stop (as after a crash) the file already holds at least the first second.
      expect(readWav(path).data[0]?.length ?? 0).toBeGreaterThanOrEqual(8000);
      const result = await rec.stop();
      const elapsed = performance.now() - t0;
      expect(result.path).toBe(path);
      expect(Math.abs(result.durationMs - elapsed)).toBeLessThan(100);
      const wav = readWav(path);
      expect(wav).toMatchObject({ channels: 2, sampleRate: 8000 });
      const [left, right] = wav.data as [Int16Array, Int16Array];
      expect(left.length).toBe((result.durationMs / 1000) * 8000);
      expect(freq(left.subarray(800))).toBe(1000);
      expect(freq(right.subarray(800))).toBe(440);
      expect(presence(left.subarray(800), [1000, 440])[440]).toBeLessThan(0.01);
    } finally {
      close();
    }
  });

  it("paused, writes silence on both channels for as long as the pause, then the audio again", async () => {
    const { call, close } = await callWithTones(plane, "rec-pause", [1000, 440]);
    try {
      const path = join(dir, "rec-pause.wav");
      await sleep(200);
      const rec = call.record(path);
      await sleep(800);
      rec.setPaused(true);
      expect(rec.paused).toBe(true);
      await sleep(1000);
      rec.setPaused(false);
      await sleep(800);
      const result = await rec.stop();
      expect(() => rec.setPaused(true)).toThrow(/recording has stopped/);
      expect(Math.abs(result.pausedMs - 1000)).toBeLessThan(100);
      const [left, right] = readWav(path).data as [Int16Array, Int16Array];
      // Frames counted from the start: 0.8 s of audio, ~1 s of silence, then audio to the end.
      const at = (ms: number) => Math.round((ms / 1000) * 8000);
      for (const ch of [left, right]) expect(rms(ch.subarray(at(900), at(1700)))).toBe(0);
      expect(freq(left.subarray(at(200), at(700)))).toBe(1000);
      expect(freq(right.subarray(at(200), at(700)))).toBe(440);
      expect(freq(left.subarray(at(2000)))).toBe(1000);
      expect(freq(right.subarray(at(2000)))).toBe(440);
    } finally {
      close();
    }
  });

  it("stops by itself when the call ends; a second recording at once is refused", async () => {
    const { call, close } = await callWithTones(plane, "rec-end", [1000, 440]);
    const path = join(dir, "rec-end.wav");
    const rec = call.record(path);
    expect(() => call.record(join(dir, "other.wav"))).toThrow(/already being recorded/);
    await sleep(500);
    close();
    const result = await rec.stop();
    expect(result.durationMs).toBeGreaterThan(300);
    expect(readWav(path).data[1]?.length).toBe((result.durationMs / 1000) * 8000);
  });
});

describe("mixer", () => {
  it("three legs: each hears the other two and not itself", async () => {
    const { legs, close } = await callWithTones(plane, "mix3", TONES);
    try {
      await sleep(400);
      const marks = legs.map((l) => l.far.mark());
      await sleep(1200);
      legs.forEach((_, i) => {
        const p = presence(marks[i]!(), TONES);
        const others = TONES.filter((_, j) => j !== i);
        expect(p[TONES[i]!]).toBeLessThan(0.02);
        for (const f of others) expect(p[f]).toBeGreaterThan(0.3);
      });
    } finally {
      close();
    }
  });

  it("whisper: the supervisor is heard by the agent only; barge: by everyone; then back to a direct bridge", async () => {
    const { call, legs, close } = await callWithTones(plane, "whisper", TONES);
    const [caller, agent, supervisor] = legs as [(typeof legs)[0], (typeof legs)[0], (typeof legs)[0]];
    try {
      await call.setMixRole(supervisor.leg.id, { mode: "whisper", to: agent.leg.id });
      await sleep(300);
      let m = legs.map((l) => l.far.mark());
      await sleep(1000);
      const [c, a, s] = m.map((f) => presence(f(), TONES)) as [Record<number, number>, Record<number, number>, Record<number, number>];
      expect(c[1500]).toBeLessThan(0.02); // the caller does not hear the supervisor
      expect(c[1000]).toBeGreaterThan(0.9);
      expect(a[500]).toBeGreaterThan(0.3);
      expect(a[1500]).toBeGreaterThan(0.3);
      expect(s[500]).toBeGreaterThan(0.3);
      expect(s[1000]).toBeGreaterThan(0.3);

      await call.setMixRole(supervisor.leg.id, { mode: "party" }); // barge
      await sleep(300);
      m = legs.map((l) => l.far.mark());
      await sleep(800);
      const barge = presence(m[0]!(), TONES);
      expect(barge[1000]).toBeGreaterThan(0.3);
      expect(barge[1500]).toBeGreaterThan(0.3);

      await call.removeLeg(supervisor.leg.id);
      await sleep(300);
      const direct = caller.far.mark();
      await sleep(600);
      const d = direct();
      expect(freq(d)).toBe(1000);
      expect(presence(d, TONES)[1500]).toBeLessThan(0.02);
    } finally {
      close();
    }
  });
});
