import { describe, expect, it } from "vitest";
import { decodeG711, encodeG711 } from "@/media/rtp/g711";
import { sine } from "@/media/rtp/tone";
import { DecodedPromptCache, promptAudio } from "../prompts/playback";
import { flowDefinition } from "./definition";
import { type CallIo, runFlow } from "./engine";

const say = (text: string) => ({ kind: "tts" as const, text });
const Q1 = "00000000-0000-4000-8000-000000000001";
const Q2 = "00000000-0000-4000-8000-000000000002";
const H = "00000000-0000-4000-8000-000000000003";

const flow = flowDefinition.parse({
  start: "hours",
  nodes: [
    { id: "hours", type: "hours", hoursId: H, open: "welcome", closed: "closed" },
    { id: "welcome", type: "play", prompt: say("Welcome to Acme"), next: "menu" },
    { id: "menu", type: "menu", prompt: say("Sales 1, support 2"), options: [{ digit: "1", next: "sales" }, { digit: "2", next: "support" }], maxRetries: 1, noInput: "bye" },
    { id: "sales", type: "queue", queueId: Q1 },
    { id: "support", type: "queue", queueId: Q2 },
    { id: "closed", type: "voicemail", prompt: say("We are closed, leave a message") },
    { id: "bye", type: "hangup", prompt: say("Goodbye") },
  ],
});

/** A caller who presses `keys` in order, one per wait, and never during prompts. */
function caller(keys: Array<string | null>, open = true): CallIo & { heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    hungUp: false,
    play: async (p) => {
      heard.push(p.kind === "tts" ? p.text : p.kind === "tone" ? `${p.hz} Hz` : `recording ${p.promptId}`);
      return null;
    },
    digit: async () => keys.shift() ?? null,
    isOpen: async () => open,
  };
}

describe("the IVR engine", () => {
  it("greets, takes a key and routes to that branch's queue, reporting the path", async () => {
    const io = caller(["2"]);
    const path: string[] = [];
    expect(await runFlow(flow, io, (n, d) => void path.push(d ? `${n.id}:${d}` : n.id))).toEqual({ kind: "queue", queueId: Q2 });
    expect(io.heard).toEqual(["Welcome to Acme", "Sales 1, support 2"]);
    expect(path).toEqual(["hours:open", "welcome", "menu:2", "support"]);
  });

  it("says a wrong key is invalid, repeats, and gives up to the no-input branch", async () => {
    const io = caller(["7", null]);
    expect(await runFlow(flow, io)).toEqual({ kind: "hangup" });
    expect(io.heard).toEqual(["Welcome to Acme", "Sales 1, support 2", "Sorry, that is not a valid choice.", "Sales 1, support 2", "Goodbye"]);
  });

  it("takes a key pressed during the prompt (barge-in)", async () => {
    const io = caller([]);
    io.play = async (p) => (p.kind === "tts" && p.text.startsWith("Sales") ? "1" : null);
    expect(await runFlow(flow, io)).toEqual({ kind: "queue", queueId: Q1 });
  });

  it("sends callers to voicemail when closed, and stops when the caller hangs up", async () => {
    expect(await runFlow(flow, caller([], false))).toEqual({ kind: "voicemail" });
    const gone = { ...caller([]), hungUp: true };
    expect(await runFlow(flow, gone)).toEqual({ kind: "caller_hung_up" });
  });

  it("plays an uploaded prompt as its decoded samples, loading it once per tenant and prompt", async () => {
    const P = "00000000-0000-4000-8000-0000000000aa";
    const stored = encodeG711("pcmu", sine(1000, 500));
    const loads: string[] = [];
    const cache = new DecodedPromptCache();
    const audio = promptAudio({
      tenantId: "tenant-1",
      speech: { synthesize: async (text) => sine(text.length * 10, 100) },
      cache,
      loadUlaw: async (id) => {
        loads.push(id);
        if (id !== P) throw new Error("no such prompt");
        return stored;
      },
    });
    const played: Int16Array[] = [];
    const io: CallIo = {
      hungUp: false,
      play: async (p) => {
        played.push(await audio(p));
        return null;
      },
      digit: async () => null,
      isOpen: async () => true,
    };
    const recorded = flowDefinition.parse({
      start: "hello",
      nodes: [
        { id: "hello", type: "play", prompt: { kind: "audio", promptId: P }, next: "again" },
        { id: "again", type: "play", prompt: { kind: "tone", hz: 440, ms: 200 }, next: "bye" },
        { id: "bye", type: "hangup", prompt: { kind: "audio", promptId: P } },
      ],
    });
    expect(await runFlow(recorded, io)).toEqual({ kind: "hangup" });
    expect(played).toHaveLength(3);
    expect(played[0]).toEqual(decodeG711("pcmu", stored));
    expect(played[0]).toHaveLength(4000);
    expect(played[1]).toHaveLength(1600);
    expect(played[2]).toBe(played[0]);
    expect(loads).toEqual([P]);
    await expect(audio({ kind: "audio", promptId: "00000000-0000-4000-8000-0000000000bb" })).rejects.toThrow("no such prompt");
  });
});
