import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MediaError, createMediaPlane, type MediaCall, type MediaPlane } from "./protocol";
import { RtpPeer } from "./testing/rtp-peer";

let plane: MediaPlane;
let call: MediaCall;

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 42000, rtcMaxPort: 42999 });
  call = await plane.createCall("bad-input");
});
afterAll(() => plane.close());

async function rejects(p: Promise<unknown>, code: string, message: RegExp) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MediaError);
  expect((err as MediaError).code).toBe(code);
  expect((err as MediaError).message).toMatch(message);
}

describe("bad parameters give a clear MediaError and no crash", () => {
  it("rejects an unknown codec and a bad listen address", async () => {
    await rejects(call.addPlainLeg({ codec: "opus" as "pcmu", listenIp: "127.0.0.1" }), "bad_parameter", /unknown codec "opus"/);
    await rejects(call.addPlainLeg({ codec: "pcmu", listenIp: "not-an-ip" }), "bad_parameter", /listenIp must be an IPv4/);
  });

  it("rejects bad ports, ssrcs and payload types, then still connects", async () => {
    const leg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await rejects(leg.connect({ ip: "127.0.0.1", port: 0, ssrc: 1 }), "bad_parameter", /remote port must be an integer port/);
    await rejects(leg.connect({ ip: "127.0.0.1", port: 70000, ssrc: 1 }), "bad_parameter", /remote port/);
    await rejects(leg.connect({ ip: "127.0.0.1", port: 5004.5, ssrc: 1 }), "bad_parameter", /remote port/);
    await rejects(leg.connect({ ip: "300.1.1.1", port: 5004, ssrc: 1 }), "bad_parameter", /remote ip/);
    await rejects(leg.connect({ ip: "127.0.0.1", port: 5004, ssrc: 2 ** 32 }), "bad_parameter", /ssrc must be an integer/);
    await rejects(leg.connect({ ip: "127.0.0.1", port: 5004, ssrc: -1 }), "bad_parameter", /ssrc/);
    await rejects(leg.connect({ ip: "127.0.0.1", port: 5004, ssrc: 5, payloadType: 8 }), "bad_parameter", /payloadType 8 does not match pcmu/);
    const far = await RtpPeer.open("pcmu", 5);
    try {
      await leg.connect({ ip: "127.0.0.1", port: far.port, ssrc: 5 });
      await rejects(leg.connect({ ip: "127.0.0.1", port: far.port, ssrc: 5 }), "bad_state", /already connected/);
    } finally {
      far.close();
    }
  });

  it("refuses a PCMA leg on a PCMU call, a third leg, a duplicate call id and an ended call", async () => {
    await rejects(call.addPlainLeg({ codec: "pcma", listenIp: "127.0.0.1" }), "codec_mismatch", /transcoding/);
    for (let i = 0; i < 5; i++) await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await rejects(call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" }), "bad_state", /already has 6 legs/);
    await rejects(plane.createCall("bad-input"), "bad_state", /already has media/);
    await rejects(plane.createCall(""), "bad_parameter", /callId/);
    call.close();
    await rejects(call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" }), "call_ended", /has ended \(hangup\)/);
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });

  it("rejects a WebRTC leg's unknown transport, video, and a second capabilities message", async () => {
    const web = await plane.createCall("bad-webrtc");
    const leg = await web.addWebRtcLeg({ listenIp: "127.0.0.1" });
    const dtls = leg.transports.send.dtlsParameters;
    await rejects(leg.connectTransport("nope", dtls), "bad_parameter", /transport nope is not part of leg/);
    await rejects(leg.produce("video", { codecs: [], encodings: [] }), "bad_parameter", /only audio/);
    await leg.setRtpCapabilities(leg.transports.routerRtpCapabilities);
    await rejects(leg.setRtpCapabilities(leg.transports.routerRtpCapabilities), "bad_state", /already has its capabilities/);
    expect(plane.stats()).toMatchObject({ routers: 1, transports: 2 });
    web.close();
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });
});
