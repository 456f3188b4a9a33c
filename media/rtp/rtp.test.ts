import { describe, expect, it } from "vitest";
import { DtmfCollector, buildDtmf, parseDtmf } from "./dtmf";
import { alawToLinear, decodeG711, encodeG711, linearToAlaw, linearToUlaw, ulawToLinear } from "./g711";
import { RtpParseError, buildRtp, parseRtp } from "./packet";
import { dominantFrequency, rms, sine } from "./tone";

describe("G.711", () => {
  it("matches the reference points of the standard", () => {
    expect(linearToUlaw(0)).toBe(0xff);
    expect(linearToUlaw(-1)).toBe(0x7f);
    expect(ulawToLinear(0x80)).toBe(32124);
    expect(ulawToLinear(0x00)).toBe(-32124);
    expect(linearToAlaw(0)).toBe(0xd5);
    expect(alawToLinear(0xd5)).toBe(8);
    expect(alawToLinear(0x55)).toBe(-8);
  });

  it.each(["pcmu", "pcma"] as const)("%s round-trips a tone within companding error and keeps its frequency", (codec) => {
    const tone = sine(1000, 200);
    const back = decodeG711(codec, encodeG711(codec, tone));
    let maxRelErr = 0;
    for (let i = 0; i < tone.length; i++) {
      const t = tone[i] as number;
      if (Math.abs(t) > 1000) maxRelErr = Math.max(maxRelErr, Math.abs((back[i] as number) - t) / Math.abs(t));
    }
    expect(maxRelErr).toBeLessThan(0.07);
    expect(dominantFrequency(back).hz).toBe(1000);
  });
});

describe("tones", () => {
  it("finds the dominant frequency and tells a tone from silence", () => {
    expect(dominantFrequency(sine(440, 500)).hz).toBe(440);
    expect(dominantFrequency(sine(1000, 500)).share).toBeGreaterThan(0.3);
    expect(rms(sine(440, 100, { amplitude: 0.5 }))).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(rms(new Int16Array(160))).toBe(0);
  });
});

describe("RTP packets", () => {
  it("builds and parses the fixed header", () => {
    const payload = Buffer.from([1, 2, 3]);
    const p = parseRtp(buildRtp({ payloadType: 0, marker: true, sequenceNumber: 65535, timestamp: 0xfffffff0, ssrc: 0xdeadbeef, payload }));
    expect(p).toMatchObject({ payloadType: 0, marker: true, sequenceNumber: 65535, timestamp: 0xfffffff0, ssrc: 0xdeadbeef });
    expect([...p.payload]).toEqual([1, 2, 3]);
  });

  it("skips CSRCs, extensions and padding", () => {
    const raw = Buffer.from([0xb1, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 9, 9, 9, 9, 0xbe, 0xde, 0, 1, 7, 7, 7, 7, 0xaa, 0xbb, 0, 0, 3]);
    expect([...parseRtp(raw).payload]).toEqual([0xaa, 0xbb]);
  });

  it("refuses junk with a clear error", () => {
    expect(() => parseRtp(Buffer.from([0x80, 0]))).toThrow(RtpParseError);
    expect(() => parseRtp(Buffer.alloc(20))).toThrow(/version/);
    expect(() => parseRtp(Buffer.from([0x90, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0xbe, 0xde]))).toThrow(/extension/);
  });
});

describe("RFC 4733 DTMF", () => {
  it("round-trips events and rejects what is not a digit", () => {
    expect(parseDtmf(buildDtmf({ digit: "#", end: true, volume: 10, duration: 800 }))).toEqual({ digit: "#", end: true, volume: 10, duration: 800 });
    expect(() => parseDtmf(Buffer.from([16, 0x80, 0, 0]))).toThrow(/not a DTMF digit/);
    expect(() => parseDtmf(Buffer.from([1]))).toThrow(/too short/);
    expect(() => buildDtmf({ digit: "x", end: false, volume: 0, duration: 0 })).toThrow();
  });

  it("reports each key press once, on its end packets", () => {
    const digits: string[] = [];
    const c = new DtmfCollector((d) => digits.push(d));
    const press = (ts: number, digit: string) => {
      for (const duration of [160, 320, 480]) c.push(ts, buildDtmf({ digit, end: false, volume: 10, duration }));
      for (let i = 0; i < 3; i++) c.push(ts, buildDtmf({ digit, end: true, volume: 10, duration: 640 }));
    };
    press(1000, "1");
    press(5000, "2");
    press(9000, "2");
    expect(digits).toEqual(["1", "2", "2"]);
  });
});
