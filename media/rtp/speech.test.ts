import { describe, expect, it } from "vitest";
import { SpeechMeter } from "./speech";
import { sine } from "./tone";

const frame = (loud: boolean, i: number) => (loud ? sine(300, 20, { phase: i * 160, amplitude: 0.3 }) : sine(300, 20, { amplitude: 0.0005 }));

describe("SpeechMeter", () => {
  it("counts talk, silence and talk-over, bridging gaps shorter than the hangover", () => {
    const m = new SpeechMeter();
    // 2 s: A talks throughout with 100 ms gaps every 500 ms; B talks in the second second only; C sends nothing.
    for (let i = 0; i < 100; i++) {
      const a = i % 25 < 20;
      const b = i >= 50;
      m.tick(new Map([["a", frame(a, i)], ["b", frame(b, i)], ["c", undefined]]));
    }
    const s = m.read();
    expect(s.durationMs).toBe(2000);
    expect(s.legs.a?.talkMs).toBeGreaterThanOrEqual(1940); // only the 2-frame attack is lost
    expect(s.legs.b?.talkMs).toBeGreaterThanOrEqual(960);
    expect(s.legs.b?.talkMs).toBeLessThanOrEqual(1000);
    expect(s.legs.c).toMatchObject({ talkMs: 0, silenceMs: 2000, levelDb: -Infinity });
    expect(s.talkOverMs).toBe(s.legs.b?.talkMs);
    expect(s.legs.b?.levelDb).toBeGreaterThan(-15); // last frame: B loud (-13.5 dBFS), A in a gap
    expect(s.legs.a?.levelDb).toBeLessThan(-60);
  });

  it("a leg that stops talking is silent after the 200 ms hangover", () => {
    const m = new SpeechMeter();
    for (let i = 0; i < 50; i++) m.tick(new Map([["a", frame(i < 25, i)]]));
    const a = m.read().legs.a;
    expect(a?.talkMs).toBe((25 - 1 + 10) * 20);
    expect(a?.talking).toBe(false);
  });
});
