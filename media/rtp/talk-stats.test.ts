import { describe, expect, it } from "vitest";
import { talkStats } from "./talk-stats";
import { sine } from "./tone";

/** `pattern` of 1 s slots: true = a tone, false = near silence (a little noise). */
function channel(pattern: boolean[], hz: number): Int16Array {
  const out = new Int16Array(pattern.length * 8000);
  pattern.forEach((on, s) => {
    const slot = on ? sine(hz, 1000, { amplitude: 0.3 }) : Int16Array.from({ length: 8000 }, () => Math.round((Math.random() - 0.5) * 40));
    out.set(slot, s * 8000);
  });
  return out;
}

describe("talk statistics of a call", () => {
  it("measures each side's talk time, talk-over and silence", () => {
    //            0     1     2      3      4      5
    const caller = [true, true, false, false, true, false];
    const agent = [false, true, true, false, false, false];
    const s = talkStats(channel(caller, 300), channel(agent, 500));
    expect(s.durationMs).toBe(6000);
    expect(s.callerTalkMs).toBe(3000);
    expect(s.agentTalkMs).toBe(2000);
    expect(s.talkOverMs).toBe(1000);
    expect(s.silenceMs).toBe(2000);
    expect(s.longestSilenceMs).toBe(1000);
    expect(s.agentTalkRatio).toBe(0.4);
  });

  it("calls a silent call silent", () => {
    const quiet = new Int16Array(16000);
    expect(talkStats(quiet, quiet)).toMatchObject({ callerTalkMs: 0, agentTalkMs: 0, silenceMs: 2000, agentTalkRatio: 0 });
  });
});
