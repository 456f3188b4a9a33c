import { describe, expect, it } from "vitest";
import { seal, unseal } from "../crypto/sealed";
import { addressMatches, checkAddressOrCidr } from "./addresses";

describe("trunk addresses", () => {
  it("matches addresses and CIDRs of both families", () => {
    expect(addressMatches("127.0.0.1", "127.0.0.1")).toBe(true);
    expect(addressMatches("127.0.0.2", "127.0.0.1")).toBe(false);
    expect(addressMatches("10.1.2.3", "10.0.0.0/8")).toBe(true);
    expect(addressMatches("11.1.2.3", "10.0.0.0/8")).toBe(false);
    expect(addressMatches("::ffff:192.168.1.9", "192.168.1.0/24")).toBe(true);
    expect(addressMatches("2001:db8::1", "2001:db8::/32")).toBe(true);
    expect(addressMatches("2001:db9::1", "2001:db8::/32")).toBe(false);
    expect(addressMatches("1.2.3.4", "0.0.0.0/0")).toBe(true);
    expect(addressMatches("1.2.3.4", "2001:db8::/32")).toBe(false);
  });
  it("explains bad values", () => {
    expect(checkAddressOrCidr("10.0.0.0/8")).toBeNull();
    expect(checkAddressOrCidr("10.0.0.0/33")).toMatch(/prefix/);
    expect(checkAddressOrCidr("example.com")).toMatch(/not an IP/);
    expect(checkAddressOrCidr("1.2.3.4/8/9")).toMatch(/not an IP/);
  });
});

describe("sealed secrets", () => {
  it("round-trips and refuses another key or a changed value", () => {
    const s = seal("k".repeat(40), "pa55word");
    expect(s).not.toContain("pa55word");
    expect(unseal("k".repeat(40), s)).toBe("pa55word");
    expect(() => unseal("j".repeat(40), s)).toThrow();
    expect(() => unseal("k".repeat(40), s.slice(0, -2) + "AA")).toThrow();
  });
});
