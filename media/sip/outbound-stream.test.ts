import { describe, expect, it } from "vitest";
import { buildRtp } from "../rtp/packet";
import { OutboundStream } from "./rtp-anchor";

const packet = (ssrc: number, seq: number, ts: number) => buildRtp({ payloadType: 0, marker: false, sequenceNumber: seq, timestamp: ts, ssrc, payload: Buffer.alloc(160) });

describe("the anchor's outbound stream", () => {
  it("turns interleaved sources into one SSRC with continuous sequence numbers, keeping each source's timing", () => {
    const out = new OutboundStream();
    const seen: Array<{ seq: number; ts: number; ssrc: number }> = [];
    const send = (p: Buffer, now: number) => {
      out.rewrite(p, now);
      seen.push({ seq: p.readUInt16BE(2), ts: p.readUInt32BE(4), ssrc: p.readUInt32BE(8) });
    };
    send(packet(111, 500, 90_000), 0); // agent audio
    send(packet(111, 501, 90_160), 20);
    send(packet(222, 7, 5_000), 25); // a DTMF event: three packets with one timestamp
    send(packet(111, 502, 90_320), 40);
    send(packet(222, 8, 5_000), 45);
    send(packet(222, 9, 5_000), 65);
    expect(new Set(seen.map((p) => p.ssrc))).toEqual(new Set([out.ssrc]));
    const seqs = seen.map((p) => p.seq);
    expect(seqs.slice(1).map((s, i) => (s - seqs[i]! + 0x10000) & 0xffff)).toEqual([1, 1, 1, 1, 1]);
    const [a0, a1, e0, a2, e1, e2] = seen.map((p) => p.ts);
    expect([a1! - a0!, a2! - a1!]).toEqual([160, 160]);
    expect([e1, e2]).toEqual([e0, e0]);
  });
});
