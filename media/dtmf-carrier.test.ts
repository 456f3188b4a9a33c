/**
 * Why RFC 4733 rides under a media-codec label inside the router (codecs.ts): pins mediasoup's
 * behaviour, so a mediasoup upgrade that starts forwarding telephone-event shows up here.
 * Also: malformed telephone-event packets from a far end are dropped without harm.
 */
import { createSocket } from "node:dgram";
import { once } from "node:events";
import { createWorker } from "mediasoup";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import { buildDtmf } from "./rtp/dtmf";
import { encodeG711 } from "./rtp/g711";
import { buildRtp, parseRtp } from "./rtp/packet";
import { callWithTones, freq } from "./testing/calls";
import { sleep, waitFor } from "./testing/rtp-peer";

let plane: MediaPlane;
beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 48500, rtcMaxPort: 48999 });
});
afterEach(() => {
  expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
});
afterAll(() => plane.close());

describe("mediasoup and audio/telephone-event", () => {
  it("a consumer drops a real telephone-event codec (PT 101) even when producer and consumer both declare it", async () => {
    const worker = await createWorker({ logLevel: "error", rtcMinPort: 48500, rtcMaxPort: 48999 });
    const sock = createSocket("udp4");
    try {
      const router = await worker.createRouter({
        mediaCodecs: [
          { kind: "audio", mimeType: "audio/PCMU", clockRate: 8000, preferredPayloadType: 0 },
          { kind: "audio", mimeType: "audio/telephone-event", clockRate: 8000, preferredPayloadType: 101 },
        ],
      });
      const plain = await router.createPlainTransport({ listenInfo: { protocol: "udp", ip: "127.0.0.1" }, rtcpMux: true, comedia: true });
      const producer = await plain.produce({
        kind: "audio",
        rtpParameters: {
          codecs: [
            { mimeType: "audio/PCMU", payloadType: 0, clockRate: 8000 },
            { mimeType: "audio/telephone-event", payloadType: 101, clockRate: 8000 },
          ],
          encodings: [{ ssrc: 0x5151 }],
        },
      });
      const direct = await router.createDirectTransport();
      const consumer = await direct.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
      // The consumer's negotiated parameters do keep telephone-event...
      expect(consumer.rtpParameters.codecs.map((c) => c.mimeType.toLowerCase())).toContain("audio/telephone-event");
      const pts: number[] = [];
      consumer.on("rtp", (buf) => pts.push(parseRtp(buf).payloadType));
      sock.bind(0, "127.0.0.1");
      await once(sock, "listening");
      const send = (pt: number, seq: number, payload: Buffer) =>
        sock.send(buildRtp({ payloadType: pt, marker: false, sequenceNumber: seq, timestamp: seq * 160, ssrc: 0x5151, payload }), plain.tuple.localPort, "127.0.0.1");
      for (let i = 0; i < 10; i++) {
        send(0, 100 + i, encodeG711("pcmu", new Int16Array(160)));
        await sleep(20);
      }
      for (let i = 0; i < 6; i++) send(101, 110 + i, buildDtmf({ digit: "5", end: i > 2, volume: 10, duration: 160 * (i + 1) }));
      await sleep(300);
      // ...but the worker forwards media codecs only (Consumer.cpp, IsMediaCodec()).
      expect(pts.filter((p) => p === 0).length).toBeGreaterThan(5);
      expect(pts.filter((p) => p === 101)).toEqual([]);
    } finally {
      sock.close();
      worker.close();
    }
  });
});

describe("malformed RFC 4733 from a far end", () => {
  it("short payloads, unknown events and junk are dropped; the next good digit is read and audio flows", async () => {
    const { legs, close } = await callWithTones(plane, "dtmf-junk", [1000, 440]);
    const [a, b] = legs as [(typeof legs)[0], (typeof legs)[0]];
    try {
      const got: string[] = [];
      a.leg.onDtmf((d) => got.push(d));
      await sleep(200);
      const sock = a.far.socket;
      const port = a.leg.local.port;
      const bad = [Buffer.from([1]), Buffer.from([200, 0x8a, 0, 160]), Buffer.alloc(0), Buffer.from("garbage!garbage!")];
      bad.forEach((payload, i) => sock.send(buildRtp({ payloadType: 101, marker: true, sequenceNumber: 60000 + i, timestamp: 7 + i, ssrc: a.far.ssrc, payload }), port, "127.0.0.1"));
      sock.send(Buffer.from([0x80, 101, 0]), port, "127.0.0.1");
      await sleep(200);
      a.far.sendDigit(port, "8");
      await waitFor(() => got.length === 1);
      expect(got).toEqual(["8"]);
      const heard = b.far.mark();
      await sleep(300);
      expect(freq(heard())).toBe(1000);
    } finally {
      close();
    }
  });
});
