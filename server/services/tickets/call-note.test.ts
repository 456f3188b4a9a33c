import { describe, expect, it } from "vitest";
import { appendCallNote, formatCallDate } from "./call-note";

const call = { id: "0b5a3c1e-8d4f-4b7a-9c2e-1f0a2b3c4d5e", at: "2026-11-29T12:34:56.789Z" };

describe("appendCallNote", () => {
  it("adds the notes under a line with the call's date and id, after what the ticket said", () => {
    expect(appendCallNote("Printer jams.\n", call, " Sent a new tray. ")).toBe(`Printer jams.\n\n— Call on 2026-11-29 12:34 UTC (call ${call.id}) —\nSent a new tray.`);
  });
  it("starts an empty description with the call, and says when there were no notes", () => {
    expect(appendCallNote("  ", call, "")).toBe(`— Call on 2026-11-29 12:34 UTC (call ${call.id}) —\n(no notes)`);
  });
  it("formats the date in UTC to the minute", () => {
    expect(formatCallDate("2026-01-02T03:04:05.000Z")).toBe("2026-01-02 03:04 UTC");
  });
});
