import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import { TELEPHONE_EVENT_PT } from "./codecs";
import { goertzel, rms, sine } from "./rtp/tone";
import { callWithTones, freq } from "./testing/calls";
import { sleep, waitFor } from "./testing/rtp-peer";

let plane: MediaPlane;

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 46000, rtcMaxPort: 46999 });
});
afterEach(() => {
  expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
});
afterAll(() => plane.close());

describe("play: a leg hears a prompt instead of the other party", () => {
  it("plays 700 Hz to A in 20 ms packets, then A hears B's 440 Hz again; B hears A throughout", async () => {
    const { call, legs, close } = await callWithTones(plane, "play", [1000, 440]);
    const [a, b] = legs as [(typeof legs)[0], (typeof legs)[0]];
    try {
      await sleep(500);
      expect(freq(a.far.audio())).toBe(440);
      const before = a.far.packets.length;
      const heardB = b.far.mark();
      const heard = a.far.mark();
      const t0 = performance.now();
      const p = call.play(a.leg.id, sine(700, 1000));
      await p.done;
      const took = performance.now() - t0;
      const during = heard();
      // The player's own stream: one SSRC, +1 sequence, +160 timestamp, marker on the first.
      const ssrcB = a.far.packets.slice(0, before).filter((x) => x.payloadType === 0).at(-1)?.ssrc;
      const player = a.far.packets.slice(before).filter((x) => x.ssrc !== ssrcB && x.payloadType === 0);
      expect(player.length).toBe(50);
      expect(player[0]?.marker).toBe(true);
      for (let i = 1; i < player.length; i++) {
        const [prev, cur] = [player[i - 1], player[i]] as [(typeof player)[0], (typeof player)[0]];
        expect(cur.sequenceNumber).toBe((prev.sequenceNumber + 1) & 0xffff);
        expect(cur.timestamp).toBe((prev.timestamp + 160) >>> 0);
        expect(cur.marker).toBe(false);
      }
      const span = (player.at(-1)?.at ?? 0) - (player[0]?.at ?? 0);
      expect(span / 49).toBeGreaterThan(17);
      expect(span / 49).toBeLessThan(23);
      expect(took).toBeGreaterThan(950);
      // While it played, A heard the prompt and not B.
      expect(freq(during)).toBe(700);
      expect(goertzel(during, 440) / goertzel(during, 700)).toBeLessThan(0.05);
      const after = a.far.mark();
      await sleep(600);
      expect(freq(after())).toBe(440);
      expect(freq(heardB())).toBe(1000);
    } finally {
      close();
    }
  });

  it("stop() ends a looping prompt early and resolves done", async () => {
    const { call, legs, close } = await callWithTones(plane, "play-stop", [1000, 440]);
    const a = legs[0]!;
    try {
      await sleep(300);
      const heard = a.far.mark();
      const p = call.play(a.leg.id, sine(700, 200), { loop: true });
      await sleep(800);
      expect(freq(heard())).toBe(700);
      p.stop();
      await p.done;
      const after = a.far.mark();
      await sleep(500);
      expect(freq(after())).toBe(440);
    } finally {
      close();
    }
  });

  it("music on hold and ringback are audible; the leg alone on its call hears them", async () => {
    const { call, legs, close } = await callWithTones(plane, "music", [1000]);
    const a = legs[0]!;
    try {
      const heard = a.far.mark();
      const stop = call.playMusic(a.leg.id);
      await sleep(1500);
      stop();
      const music = heard();
      expect(music.length).toBeGreaterThan(50 * 160);
      expect(rms(music)).toBeGreaterThan(0.05);
      const ring = a.far.mark();
      const stopRing = call.playRingback(a.leg.id);
      await sleep(1000);
      stopRing();
      const r = ring();
      expect(goertzel(r, 440) + goertzel(r, 480)).toBeGreaterThan(10 * goertzel(r, 1000));
      await sleep(200);
      const silentAfter = a.far.mark();
      await sleep(300);
      expect(silentAfter().length).toBe(0);
    } finally {
      close();
    }
  });
});

describe("DTMF (RFC 4733)", () => {
  it("reports each digit a far end sends once, on the leg that sent it, and forwards it to the other plain leg", async () => {
    const { call, legs, close } = await callWithTones(plane, "dtmf-in", [1000, 440]);
    const [a, b] = legs as [(typeof legs)[0], (typeof legs)[0]];
    const fromA: string[] = [];
    const fromB: string[] = [];
    try {
      a.leg.onDtmf((d) => fromA.push(d));
      const off = call.onDtmf(b.leg.id, (d) => fromB.push(d));
      await sleep(200);
      for (const digit of ["1", "#", "9", "9"]) {
        a.far.sendDigit(a.leg.local.port, digit);
        await sleep(100);
      }
      b.far.sendDigit(b.leg.local.port, "*");
      await waitFor(() => fromA.length === 4 && fromB.length === 1);
      await sleep(200);
      expect(fromA).toEqual(["1", "#", "9", "9"]);
      expect(fromB).toEqual(["*"]);
      // mediasoup carries the events to the other plain leg too (codecs.ts explains how).
      expect(b.far.digits).toEqual(["1", "#", "9", "9"]);
      expect(a.far.digits).toEqual(["*"]);
      off();
      b.far.sendDigit(b.leg.local.port, "5");
      await sleep(300);
      expect(fromB).toEqual(["*"]);
    } finally {
      close();
    }
  });

  it("honours the far end's own telephone-event payload type", async () => {
    const call = await plane.createCall("dtmf-pt");
    const { RtpPeer } = await import("./testing/rtp-peer");
    const far = await RtpPeer.open("pcmu", 0x4242);
    try {
      const leg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      await leg.connect({ ip: "127.0.0.1", port: far.port, ssrc: far.ssrc, telephoneEvent: 96 });
      const got: string[] = [];
      leg.onDtmf((d) => got.push(d));
      far.sendTone(leg.local.port, 1000);
      await sleep(200);
      far.sendDigit(leg.local.port, "7", 96);
      far.sendDigit(leg.local.port, "8", 101); // not its payload type: dropped
      await sleep(300);
      expect(got).toEqual(["7"]);
    } finally {
      far.close();
      call.close();
    }
  });

  it("sendDtmf puts decodable events into a leg: 100 ms tones, 50 ms gaps, payload type 101", async () => {
    const { call, legs, close } = await callWithTones(plane, "dtmf-out", [1000, 440]);
    const a = legs[0]!;
    try {
      await sleep(200);
      const t0 = performance.now();
      await call.sendDtmf(a.leg.id, "12#*");
      expect(performance.now() - t0).toBeGreaterThan(4 * 150);
      await sleep(100);
      expect(a.far.digits).toEqual(["1", "2", "#", "*"]);
      const events = a.far.packets.filter((p) => p.payloadType === TELEPHONE_EVENT_PT);
      // One 20 ms packet of silence opens the stream, so the events are well-formed (see leg-output.ts).
      expect(events.length).toBe(4 * 8); // 5 progress + 3 end packets each
      expect(new Set(events.map((e) => e.timestamp)).size).toBe(4);
      expect(events.filter((e) => e.marker).length).toBe(4);
      // Audio from B keeps flowing meanwhile.
      expect(freq(a.far.audio())).toBe(440);
      await expect(call.sendDtmf(a.leg.id, "12x")).rejects.toThrow(/DTMF digits must be/);
    } finally {
      close();
    }
  });
});

describe("removeLeg", () => {
  it("closes one leg's transport; the other leg stays and can hear music", async () => {
    const { call, legs, close } = await callWithTones(plane, "remove", [1000, 440]);
    const [a, b] = legs as [(typeof legs)[0], (typeof legs)[0]];
    try {
      await sleep(400);
      const withB = plane.stats().transports;
      await call.removeLeg(b.leg.id);
      expect(plane.stats().transports).toBe(withB - 1);
      await expect(call.removeLeg(b.leg.id)).rejects.toThrow(/is not part of call remove/);
      // A packet already on its way when the leg went may still land; from then on, nothing.
      await sleep(60);
      const heardB = b.far.mark();
      const stop = call.playMusic(a.leg.id);
      const heardA = a.far.mark();
      await sleep(800);
      stop();
      expect(heardB().length).toBe(0);
      expect(rms(heardA())).toBeGreaterThan(0.05);
      expect(call.ended).toBeUndefined();
      // A's far end still reaches the media plane.
      const got: string[] = [];
      a.leg.onDtmf((d) => got.push(d));
      a.far.sendDigit(a.leg.local.port, "4");
      await waitFor(() => got.length === 1);
    } finally {
      close();
    }
  });
});
