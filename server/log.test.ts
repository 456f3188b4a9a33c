import { afterEach, describe, expect, it, vi } from "vitest";
import { logError, logInfo } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("log lines", () => {
  it("mask phone numbers, cards and e-mail addresses in messages, errors and database details", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const dbError = Object.assign(new Error('duplicate key value violates unique constraint "contacts_phone_key"'), { detail: "Key (tenant_id, phone)=(7c9e6679-7425-40de-944b-e07fc1f90ae7, +33612345678) already exists." });
    logError("contacts", "create failed for ann@example.com", dbError);
    logError("sip", "INVITE from <sip:+14155550123@10.0.0.7> refused", "card 4111 1111 1111 1111");
    const lines = err.mock.calls.map((c) => String(c[0]));
    expect(lines[0]).toMatch(/^\[contacts\] create failed for \[email\]: Error: duplicate key/);
    expect(lines[0]).toContain("detail: Key (tenant_id, phone)=(7c9e6679-7425-40de-944b-e07fc1f90ae7, [phone]) already exists.");
    expect(lines[1]).toBe("[sip] INVITE from <sip:[phone]@10.0.0.7> refused: card [card]");
    expect(lines.join("\n")).not.toMatch(/612345678|ann@|4155550123|4111/);
  });

  it("print informational lines masked too", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    logInfo("Outbound call to +442071838750 through trunk 3");
    expect(out).toHaveBeenCalledWith("Outbound call to [phone] through trunk 3");
  });
});
