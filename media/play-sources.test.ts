import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TELEPHONE_EVENT_PT } from "./codecs";
import { createMediaPlane, MediaError, type MediaPlane } from "./protocol";
import { goertzel, rms } from "./rtp/tone";
import { callWithTones, freq } from "./testing/calls";
import { readPcapUdp } from "./testing/pcap";
import { sleep, waitFor } from "./testing/rtp-peer";
import { wav } from "./testing/wav-file";

let plane: MediaPlane;
const dir = mkdtempSync(join(tmpdir(), "play-sources-"));

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 48000, rtcMaxPort: 48499 });
});
afterEach(() => {
  expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
});
afterAll(() => {
  plane.close();
  rmSync(dir, { recursive: true, force: true });
});

const sineAt = (hz: number) => (t: number) => 0.5 * Math.sin(2 * Math.PI * hz * t);

describe("play sources through mediasoup", () => {
  it("a 44.1 kHz stereo WAV reaches the far end as 1 kHz, in 20 ms G.711 packets; then the party again", async () => {
    const path = join(dir, "prompt-44k.wav");
    writeFileSync(path, wav(1, 16, 44100, 2, 1, sineAt(1000)));
    const { call, legs, close } = await callWithTones(plane, "play-wav", [1500, 440]);
    const a = legs[0]!;
    try {
      await sleep(300);
      const heard = a.far.mark();
      const from = a.far.packets.length;
      await call.play(a.leg.id, { kind: "wav", path }).done;
      const prompt = heard();
      expect(freq(prompt)).toBe(1000);
      expect(goertzel(prompt, 440)).toBeLessThan(goertzel(prompt, 1000) / 100);
      const pkts = a.far.packets.slice(from).filter((p) => p.payloadType === 0 && p.ssrc !== a.far.packets[from - 1]?.ssrc);
      expect(pkts.length).toBeGreaterThanOrEqual(49);
      for (let i = 1; i < pkts.length; i++) expect(pkts[i]!.timestamp - pkts[i - 1]!.timestamp).toBe(160);
      const after = a.far.mark();
      await sleep(500);
      expect(freq(after())).toBe(440);
    } finally {
      close();
    }
  });

  it("a tone source plays for its duration; busy loops 480 + 620 Hz with its 0.5 s cadence", async () => {
    const { call, legs, close } = await callWithTones(plane, "play-tone", [1000]);
    const a = legs[0]!;
    try {
      const heard = a.far.mark();
      const t0 = performance.now();
      await call.play(a.leg.id, { kind: "tone", frequencies: [1400], durationMs: 600 }).done;
      expect(performance.now() - t0).toBeGreaterThan(560);
      expect(freq(heard())).toBe(1400);
      const b = a.far.mark();
      const busy = call.play(a.leg.id, { kind: "busy" }, { loop: true });
      await sleep(2200);
      busy.stop();
      await busy.done;
      const pcm = b();
      expect(goertzel(pcm, 480) + goertzel(pcm, 620)).toBeGreaterThan(50 * goertzel(pcm, 1000));
      // 50 ms windows: about half are silent (off), half carry the tone (on).
      let silent = 0;
      let loud = 0;
      for (let i = 0; i + 400 <= pcm.length; i += 400) {
        const r = rms(pcm.subarray(i, i + 400));
        if (r < 0.01) silent++;
        else if (r > 0.1) loud++;
      }
      expect(silent).toBeGreaterThan(15);
      expect(loud).toBeGreaterThan(15);
    } finally {
      close();
    }
  });

  it("music on hold from a WAV path (u-law 8 kHz, looped); a changed file is read again", async () => {
    const path = join(dir, "moh-ulaw.wav");
    writeFileSync(path, wav(7, 8, 8000, 1, 0.5, sineAt(600)));
    const { call, legs, close } = await callWithTones(plane, "play-moh", [1000]);
    const a = legs[0]!;
    try {
      const heard = a.far.mark();
      const stop = call.playMusic(a.leg.id, { wavPath: path });
      await sleep(1200); // loops past the file's 0.5 s
      stop();
      const pcm = heard();
      expect(pcm.length).toBeGreaterThan(50 * 160);
      expect(freq(pcm)).toBe(600);
      // Decoded WAVs are cached by path, size and mtime: a changed file is read again.
      writeFileSync(path, wav(7, 8, 8000, 1, 0.6, sineAt(800)));
      const again = a.far.mark();
      await call.play(a.leg.id, { kind: "wav", path }).done;
      expect(freq(again())).toBe(800);
    } finally {
      close();
    }
  });

  it("bad sources, unknown legs and ended calls throw MediaError; the leg keeps hearing its party", async () => {
    const bad = join(dir, "adpcm.wav");
    writeFileSync(bad, wav(2, 8, 8000, 1, 0.2, () => 0));
    const { call, legs, close } = await callWithTones(plane, "play-bad", [1000, 440]);
    const a = legs[0]!;
    try {
      const cases: Array<[() => unknown, RegExp, string]> = [
        [() => call.play(a.leg.id, { kind: "wav", path: bad }), /unsupported WAV encoding \(format 2, 8-bit\)/, "bad_parameter"],
        [() => call.play(a.leg.id, { kind: "wav", path: join(dir, "missing.wav") }), /cannot read WAV/, "bad_parameter"],
        [() => call.playMusic(a.leg.id, { wavPath: bad }), /unsupported WAV encoding/, "bad_parameter"],
        [() => call.play(a.leg.id, { kind: "tone", frequencies: [9000], durationMs: 100 }), /frequencies/, "bad_parameter"],
        [() => call.play(a.leg.id, { kind: "tone", frequencies: [900], durationMs: -1 }), /durationMs/, "bad_parameter"],
        [() => call.play(a.leg.id, { kind: "nope" } as never), /unknown play source kind/, "bad_parameter"],
        [() => call.play(a.leg.id, "x" as never), /play source must be/, "bad_parameter"],
        [() => call.play("no-such-leg", { kind: "busy" }), /leg no-such-leg is not part of call play-bad/, "bad_parameter"],
      ];
      for (const [run, message, code] of cases) {
        let err: unknown;
        try {
          run();
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(MediaError);
        expect((err as MediaError).message).toMatch(message);
        expect((err as MediaError).code).toBe(code);
      }
      await expect(a.leg.sendDtmf("1", { durationMs: 10 })).rejects.toThrow(/durationMs must be 40 to 2000/);
      const heard = a.far.mark();
      await sleep(400);
      expect(freq(heard())).toBe(440);
      expect(call.legs().map((l) => [l.id, l.kind, l.codec, l.producing])).toEqual(legs.map((l) => [l.leg.id, "plain", "pcmu", true]));
    } finally {
      close();
    }
    expect(() => call.play(a.leg.id, { kind: "busy" })).toThrow(/call play-bad has ended/);
    expect(() => call.legs()).not.toThrow();
  });
});

describe("DTMF durations and SIPp's RFC 4733 captures", () => {
  it("onDtmf reports the event's duration; leg.sendDtmf sends the asked duration", async () => {
    const { legs, close } = await callWithTones(plane, "dtmf-dur", [1000, 440]);
    const [a, b] = legs as [(typeof legs)[0], (typeof legs)[0]];
    try {
      const got: Array<[string, number]> = [];
      a.leg.onDtmf((d, ms) => got.push([d, ms]));
      await sleep(200);
      a.far.sendDigit(a.leg.local.port, "3"); // ends at 4 x 160 samples
      await waitFor(() => got.length === 1);
      expect(got).toEqual([["3", 80]]);
      await b.leg.sendDtmf("5A", { durationMs: 240 });
      await sleep(100);
      expect(b.far.digits).toEqual(["3", "5", "A"]);
      expect(b.far.digitDurations.slice(1)).toEqual([1920, 1920]);
      const ends = b.far.packets.filter((p) => p.payloadType === TELEPHONE_EVENT_PT);
      expect(ends.length).toBe(6 /* "3" forwarded */ + 2 * (12 + 3));
    } finally {
      close();
    }
  });

  it("SIPp's dtmf_2833 pcaps (0-9, *, #; 280 ms each) are read once per key and forwarded to the other leg", async () => {
    const names = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "star", "pound"];
    const { legs, close } = await callWithTones(plane, "dtmf-sipp", [1000, 440]);
    const [a, b] = legs as [(typeof legs)[0], (typeof legs)[0]];
    try {
      const got: Array<[string, number]> = [];
      a.leg.onDtmf((d, ms) => got.push([d, ms]));
      await sleep(200);
      for (const n of names) {
        await a.far.replay(a.leg.local.port, readPcapUdp(`/usr/share/sip-tester/dtmf_2833_${n}.pcap`));
        await sleep(60);
      }
      await waitFor(() => got.length === 12).catch((e: unknown) => {
        throw new Error(`${(e as Error).message}: read ${JSON.stringify(got)}, forwarded "${b.far.digits.join("")}"`);
      });
      await sleep(200);
      expect(got.map(([d]) => d).join("")).toBe("1234567890*#");
      expect(new Set(got.map(([, ms]) => ms))).toEqual(new Set([280]));
      expect(b.far.digits.join("")).toBe("1234567890*#");
    } finally {
      close();
    }
  }, 15_000);
});
