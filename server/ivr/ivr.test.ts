import { describe, expect, it } from "vitest";
import { checkFlow, flowDefinition } from "./definition";
import { isOpen, localTime } from "./hours";

const Q = "00000000-0000-4000-8000-000000000001";
const H = "00000000-0000-4000-8000-000000000002";
const say = (text: string) => ({ kind: "tts" as const, text });

describe("flow definitions", () => {
  const good = flowDefinition.parse({
    start: "hours",
    nodes: [
      { id: "hours", type: "hours", hoursId: H, open: "menu", closed: "closed" },
      { id: "menu", type: "menu", prompt: say("For sales press 1, support press 2"), options: [{ digit: "1", next: "sales" }, { digit: "2", next: "support" }], noInput: "support" },
      { id: "sales", type: "queue", queueId: Q },
      { id: "support", type: "queue", queueId: Q },
      { id: "closed", type: "play", prompt: say("We are closed"), next: "bye" },
      { id: "bye", type: "hangup" },
    ],
  });

  it("accepts a flow whose every branch leads somewhere", () => {
    expect(checkFlow(good)).toEqual([]);
  });

  it("names dangling branches, missing starts, repeated digits, dead ends and unreachable nodes", () => {
    const bad = flowDefinition.parse({
      start: "nope",
      nodes: [
        { id: "menu", type: "menu", prompt: say("x"), options: [{ digit: "1", next: "ghost" }, { digit: "1", next: "end" }], noInput: null },
        { id: "end", type: "hangup" },
        { id: "dead", type: "play", prompt: say("and then?"), next: null },
      ],
    });
    const messages = checkFlow(bad).map((p) => `${p.nodeId}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'null: the start node "nope" does not exist',
        'menu: leads to "ghost", which does not exist',
        "menu: digit 1 is used twice",
        expect.stringMatching(/^dead: plays a prompt and then leads nowhere/),
        "menu: cannot be reached from the start",
      ]),
    );
  });

  it("refuses a loop that never waits for the caller, but allows one through a menu", () => {
    const loop = flowDefinition.parse({ start: "a", nodes: [{ id: "a", type: "play", prompt: say("a"), next: "b" }, { id: "b", type: "play", prompt: say("b"), next: "a" }] });
    expect(checkFlow(loop).map((p) => p.message)).toContain("is in a loop that never waits for the caller");
    const viaMenu = flowDefinition.parse({
      start: "m",
      nodes: [
        { id: "m", type: "menu", prompt: say("press 9 to hear again"), options: [{ digit: "9", next: "again" }], noInput: "end" },
        { id: "again", type: "play", prompt: say("again"), next: "m" },
        { id: "end", type: "hangup" },
      ],
    });
    expect(checkFlow(viaMenu)).toEqual([]);
  });

  it("refuses malformed nodes at the schema", () => {
    expect(flowDefinition.safeParse({ start: "a", nodes: [{ id: "a", type: "teleport" }] }).success).toBe(false);
    expect(flowDefinition.safeParse({ start: "a", nodes: [{ id: "a b", type: "hangup" }] }).success).toBe(false);
    expect(flowDefinition.safeParse({ start: "a", nodes: [{ id: "a", type: "transfer", number: "555" }] }).success).toBe(false);
  });
});

describe("business hours", () => {
  const hours = { timeZone: "America/New_York", weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" })), holidays: [{ date: "2026-12-25", name: "Christmas" }] };

  it("reads the local time in the hours' own zone", () => {
    expect(localTime(new Date("2026-12-01T14:30:00Z"), "America/New_York")).toEqual({ date: "2026-12-01", day: 2, minutes: 9 * 60 + 30 });
    expect(localTime(new Date("2026-12-01T02:00:00Z"), "America/New_York").date).toBe("2026-11-30");
  });

  it("is open on a weekday inside the hours, closed outside, on weekends and on holidays", () => {
    expect(isOpen(hours, new Date("2026-12-01T14:30:00Z"))).toBe(true); // Tue 09:30 EST
    expect(isOpen(hours, new Date("2026-12-01T13:59:00Z"))).toBe(false); // Tue 08:59
    expect(isOpen(hours, new Date("2026-12-01T22:00:00Z"))).toBe(false); // Tue 17:00: closing time is closed
    expect(isOpen(hours, new Date("2026-12-05T15:00:00Z"))).toBe(false); // Saturday
    expect(isOpen(hours, new Date("2026-12-25T15:00:00Z"))).toBe(false); // Christmas, a Friday
  });
});
