import { describe, expect, it } from "vitest";
import { DecodedPromptCache } from "./playback";

describe("the decoded prompt cache", () => {
  it("loads each key once, drops the least recently used past its size, and retries a failed load", async () => {
    const cache = new DecodedPromptCache(250);
    const loads: string[] = [];
    const load = (key: string, n = 100) => cache.get(key, async () => (loads.push(key), new Int16Array(n)));
    await load("a");
    await load("b");
    await load("a"); // a is now the most recent
    await load("c"); // 300 > 250: b goes
    expect(loads).toEqual(["a", "b", "c"]);
    await load("a");
    await load("b");
    expect(loads).toEqual(["a", "b", "c", "b"]);
    expect(cache.size).toBe(2);
    await expect(cache.get("x", async () => Promise.reject(new Error("gone")))).rejects.toThrow("gone");
    expect(await load("x", 10)).toHaveLength(10);
  });
});
