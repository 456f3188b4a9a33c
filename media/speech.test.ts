import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import { callWithTones } from "./testing/calls";
import { sleep } from "./testing/rtp-peer";

let plane: MediaPlane;
beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 49000, rtcMaxPort: 49499 });
});
afterEach(() => {
  expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
});
afterAll(() => plane.close());

describe("trackSpeech: talk time per leg through mediasoup", () => {
  it("caller talks throughout, agent half the time (0.5 s on/off), a silent third leg never; talk-over is the agent's talk", async () => {
    const { call, legs, close } = await callWithTones(plane, "speech", [1000, 0, 0]);
    const [a, b, c] = legs as [(typeof legs)[0], (typeof legs)[0], (typeof legs)[0]];
    try {
      b.far.sendTone(b.leg.local.port, 440, { onMs: 500, offMs: 500 });
      await sleep(200);
      const tracker = call.trackSpeech();
      await sleep(3000);
      const mid = tracker.read();
      const s = tracker.stop();
      expect(s.durationMs).toBeGreaterThan(2800);
      expect(s.durationMs).toBeGreaterThanOrEqual(mid.durationMs);
      const la = s.legs[a.leg.id]!;
      const lb = s.legs[b.leg.id]!;
      const lc = s.legs[c.leg.id]!;
      expect(la.talkMs / s.durationMs).toBeGreaterThan(0.85); // the first frames prebuffer and attack
      expect(lb.talkMs / s.durationMs).toBeGreaterThan(0.45);
      expect(lb.talkMs / s.durationMs).toBeLessThan(0.75); // 50% plus 200 ms hangover per burst
      expect(lc.talkMs).toBe(0);
      expect(Math.abs(s.talkOverMs - lb.talkMs)).toBeLessThanOrEqual(200);
      const later = tracker.read();
      await sleep(200);
      expect(tracker.read().durationMs).toBe(later.durationMs); // stopped: no more ticks counted
    } finally {
      close();
    }
    expect(() => call.trackSpeech()).toThrow(/has ended/);
  });
});
