import { describe, expect, it } from "vitest";
import { createNonces, parseAuthorization, verifyDigest } from "./digest";
import { SdpError, buildSdp, parseOffer } from "./sdp";

const offer = (m: string, extra: string[] = [], c = "127.0.0.1") => ["v=0", "o=a 1 1 IN IP4 127.0.0.1", "s=-", `c=IN IP4 ${c}`, "t=0 0", m, ...extra, ""].join("\r\n");

describe("SDP offer/answer", () => {
  it("picks PCMU, keeps the offer's telephone-event payload type and direction", () => {
    const r = parseOffer(offer("m=audio 4000 RTP/AVP 8 0 96", ["a=rtpmap:96 telephone-event/8000", "a=sendonly"]));
    expect(r).toMatchObject({ ip: "127.0.0.1", port: 4000, codec: "pcmu", payloadType: 0, telephoneEvent: 96, direction: "sendonly" });
    const answer = buildSdp({ ip: "127.0.0.1", port: 5000, sessionId: 1, version: 1, codec: r.codec, payloadType: r.payloadType, telephoneEvent: r.telephoneEvent, direction: "sendrecv", answerTo: r.direction });
    expect(answer).toContain("m=audio 5000 RTP/AVP 0 96\r\n");
    expect(answer).toContain("a=rtpmap:96 telephone-event/8000");
    expect(answer).toContain("a=recvonly");
  });

  it("answers without telephone-event when the offer has none, and PCMA alone when only PCMA is offered", () => {
    const r = parseOffer(offer("m=audio 4000 RTP/AVP 8"));
    expect(r).toMatchObject({ codec: "pcma", payloadType: 8, telephoneEvent: null });
    const answer = buildSdp({ ip: "127.0.0.1", port: 5000, sessionId: 1, version: 1, codec: r.codec, payloadType: 8, telephoneEvent: null, direction: "sendrecv", answerTo: r.direction });
    expect(answer).toContain("m=audio 5000 RTP/AVP 8\r\n");
    expect(answer).not.toContain("telephone-event");
  });

  it("treats c=0.0.0.0 as hold (inactive)", () => {
    expect(parseOffer(offer("m=audio 4000 RTP/AVP 0", [], "0.0.0.0")).direction).toBe("inactive");
  });

  it("refuses offers it cannot use (488)", () => {
    expect(() => parseOffer(offer("m=audio 4000 RTP/AVP 18", ["a=rtpmap:18 G729/8000"]))).toThrow(SdpError);
    expect(() => parseOffer(offer("m=video 4000 RTP/AVP 96"))).toThrow(SdpError);
    expect(() => parseOffer("")).toThrow(SdpError);
    expect(() => parseOffer(offer("m=audio 4000 RTP/AVP 0", [], "::1"))).toThrow(SdpError);
  });
});

describe("server-side digest", () => {
  it("verifies RFC 2617's example (qop=auth)", () => {
    const c = parseAuthorization(
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    if (!c) throw new Error("not parsed");
    expect(verifyDigest(c, "GET", "Circle Of Life")).toBe(true);
    expect(verifyDigest(c, "GET", "circle of life")).toBe(false);
  });

  it("issues nonces it can check statelessly, and refuses forged or expired ones", () => {
    const nonces = createNonces();
    const now = Date.now();
    const n = nonces.issue(now);
    expect(nonces.valid(n, now + 1000)).toBe(true);
    expect(nonces.valid(n, now + 6 * 60_000)).toBe(false);
    expect(nonces.valid(`${n.split(".")[0] ?? ""}.forged`, now)).toBe(false);
    expect(createNonces().valid(n, now)).toBe(false);
    expect(parseAuthorization("Basic abc")).toBeNull();
  });
});
