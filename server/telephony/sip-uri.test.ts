import { describe, expect, it } from "vitest";
import { sipTargetOf } from "./sip-uri";

describe("sipTargetOf", () => {
  it("reads user, host, port and transport", () => {
    expect(sipTargetOf("sip:ann@10.0.0.7:5070;transport=tcp")).toEqual({ user: "ann", target: { host: "10.0.0.7", port: 5070, transport: "tcp" } });
    expect(sipTargetOf("sip:desk-12@pbx.example.com")).toEqual({ user: "desk-12", target: { host: "pbx.example.com", port: 5060, transport: "udp" } });
    expect(sipTargetOf("sip:%2B14155550100@[::1]:5062")).toEqual({ user: "+14155550100", target: { host: "::1", port: 5062, transport: "udp" } });
  });
  it("refuses what it cannot dial", () => {
    expect(sipTargetOf("sips:ann@pbx.example.com")).toBeNull();
    expect(sipTargetOf("sip:ann@host:99999")).toBeNull();
    expect(sipTargetOf("http://example.com")).toBeNull();
    expect(sipTargetOf("sip:ann@bad host")).toBeNull();
  });
});
