import { describe, expect, it } from "vitest";
import { startLoadShedding } from "./load-shedding";

const block = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("load shedding", () => {
  it("is overloaded while the event loop falls behind, and recovers once it keeps up", async () => {
    const lines: string[] = [];
    const s = startLoadShedding({ lagMs: 300, everyMs: 400, log: (m) => lines.push(m) });
    try {
      await tick(450);
      expect(s.overloaded()).toBe(false);
      // The loop is held for 600 ms: the probe, due every 50 ms, waits that long; the judgement
      // that was due meanwhile runs right after it.
      block(600);
      await tick(30);
      expect(s.overloaded()).toBe(true);
      expect(lines.at(-1)).toMatch(/^overloaded \(event loop \d+ ms behind\): new calls get 503/);
      for (let i = 0; i < 50 && s.overloaded(); i++) await tick(200); // a busy test machine may need a few seconds to keep up
      expect(s.overloaded()).toBe(false);
      expect(lines.at(-1)).toMatch(/^no longer overloaded/);
    } finally {
      s.close();
    }
  });

  it("never sheds with lagMs 0", async () => {
    const s = startLoadShedding({ lagMs: 0, everyMs: 100, log: () => undefined });
    try {
      block(300);
      await tick(250);
      expect(s.overloaded()).toBe(false);
    } finally {
      s.close();
    }
  });
});
