import { describe, expect, it } from "vitest";
import { memoryRateLimiter } from "./rate-limit";

describe("memoryRateLimiter", () => {
  it("allows `limit` hits per window per key, then refuses until the window passes", async () => {
    let now = 0;
    const rl = memoryRateLimiter(() => now);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await rl.hit("k", 3, 1000));
    expect(hits).toEqual([true, true, true, false]);
    expect(await rl.hit("other", 3, 1000)).toBe(true);
    now = 1000;
    expect(await rl.hit("k", 3, 1000)).toBe(true);
  });
});
