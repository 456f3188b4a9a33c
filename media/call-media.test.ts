import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import type { G711 } from "./rtp/g711";
import { dominantFrequency } from "./rtp/tone";
import { RtpPeer, sleep } from "./testing/rtp-peer";

let plane: MediaPlane;
const ended: Array<[string, string]> = [];

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 41000, rtcMaxPort: 41999, onCallEnded: (id, r) => ended.push([id, r]) });
});
afterAll(() => plane.close());

/** A call with two legs, 1 kHz from far end A and 440 Hz from far end B for ~1.5 s. */
async function bridgeTones(codec: G711, callId: string) {
  const call = await plane.createCall(callId);
  const farA = await RtpPeer.open(codec, 0x1111);
  const farB = await RtpPeer.open(codec, 0x2222);
  try {
    const legA = await call.addPlainLeg({ codec, listenIp: "127.0.0.1" });
    const legB = await call.addPlainLeg({ codec, listenIp: "127.0.0.1" });
    expect(legA.local.ip).toBe("127.0.0.1");
    await legA.connect({ ip: "127.0.0.1", port: farA.port, ssrc: farA.ssrc });
    await legB.connect({ ip: "127.0.0.1", port: farB.port, ssrc: farB.ssrc, payloadType: codec === "pcmu" ? 0 : 8 });
    farA.sendTone(legA.local.port, 1000);
    farB.sendTone(legB.local.port, 440);
    await sleep(1500);
    return { heardByA: farA.audio(), heardByB: farB.audio() };
  } finally {
    farA.close();
    farB.close();
    call.close("hangup");
  }
}

describe("call media: two PlainTransport legs bridged", () => {
  it.each(["pcmu", "pcma"] as const)("%s: A hears B's 440 Hz and B hears A's 1 kHz", async (codec) => {
    const { heardByA, heardByB } = await bridgeTones(codec, `tones-${codec}`);
    // ~1.5 s of 20 ms packets is ~75 packets of 160 samples; allow for start-up.
    expect(heardByA.length).toBeGreaterThan(50 * 160);
    expect(heardByB.length).toBeGreaterThan(50 * 160);
    const a = dominantFrequency(heardByA, { stepHz: 5 });
    const b = dominantFrequency(heardByB, { stepHz: 5 });
    console.log(`${codec}: A heard ${a.hz} Hz (share ${a.share.toFixed(2)}), B heard ${b.hz} Hz (share ${b.share.toFixed(2)})`);
    expect(Math.abs(a.hz - 440)).toBeLessThanOrEqual(15);
    expect(Math.abs(b.hz - 1000)).toBeLessThanOrEqual(15);
    expect(a.share).toBeGreaterThan(0.3);
    expect(b.share).toBeGreaterThan(0.3);
    expect(ended).toContainEqual([`tones-${codec}`, "hangup"]);
  });

  // mediasoup's Consumer forwards media codecs only, so a real telephone-event codec never
  // passed; RFC 4733 now travels under a media-codec label inside the router (codecs.ts).
  it("forwards RFC 4733 DTMF between plain legs, while audio flows", async () => {
    const call = await plane.createCall("dtmf");
    const farA = await RtpPeer.open("pcmu", 0x5555);
    const farB = await RtpPeer.open("pcmu", 0x6666);
    try {
      const legA = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      const legB = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      await legA.connect({ ip: "127.0.0.1", port: farA.port, ssrc: farA.ssrc });
      await legB.connect({ ip: "127.0.0.1", port: farB.port, ssrc: farB.ssrc });
      farA.sendTone(legA.local.port, 1000);
      farB.sendTone(legB.local.port, 440);
      await sleep(100);
      for (const digit of ["1", "#", "9"]) {
        farA.sendDigit(legA.local.port, digit);
        await sleep(60);
      }
      farB.sendDigit(legB.local.port, "*");
      await sleep(200);
      expect(farB.received.length).toBeGreaterThan(5);
      expect(farB.digits).toEqual(["1", "#", "9"]);
      expect(farA.digits).toEqual(["*"]);
    } finally {
      farA.close();
      farB.close();
      call.close();
    }
  });

  it("drops RTP from an address other than the connected far end", async () => {
    const call = await plane.createCall("spoof");
    const farA = await RtpPeer.open("pcmu", 0x3333);
    const farB = await RtpPeer.open("pcmu", 0x4444);
    const intruder = await RtpPeer.open("pcmu", 0x3333);
    try {
      const legA = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      const legB = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      await legA.connect({ ip: "127.0.0.1", port: farA.port, ssrc: farA.ssrc });
      await legB.connect({ ip: "127.0.0.1", port: farB.port, ssrc: farB.ssrc });
      intruder.sendTone(legA.local.port, 1000);
      await sleep(400);
      expect(farB.received.length).toBe(0);
    } finally {
      for (const p of [farA, farB, intruder]) p.close();
      call.close();
    }
  });
});
