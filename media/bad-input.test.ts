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

  it("rejects audio tools on unknown legs, bad PCM, bad digits and roles, and an ended call", async () => {
    const c = await plane.createCall("bad-audio");
    const leg = await c.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    const throws = (f: () => unknown, code: string, message: RegExp) => {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MediaError);
      expect((err as MediaError).code).toBe(code);
      expect((err as MediaError).message).toMatch(message);
    };
    throws(() => c.play("nope", new Int16Array(160)), "bad_parameter", /leg nope is not part of call bad-audio/);
    throws(() => c.playMusic("nope"), "bad_parameter", /leg nope is not part of call/);
    throws(() => c.onDtmf("nope", () => undefined), "bad_parameter", /leg nope is not part of call/);
    throws(() => c.play(leg.id, new Float32Array(160) as unknown as Int16Array), "bad_parameter", /pcm must be an Int16Array/);
    throws(() => c.play(leg.id, [1, 2, 3] as unknown as Int16Array), "bad_parameter", /pcm must be an Int16Array/);
    throws(() => c.play(leg.id, new Int16Array(8000 * 601)), "bad_parameter", /longer than 600 s/);
    throws(() => c.record(""), "bad_parameter", /recording path/);
    throws(() => c.record("/nonexistent-dir/x.wav"), "bad_parameter", /cannot write the recording/);
    await rejects(c.sendDtmf("nope", "1"), "bad_parameter", /leg nope is not part of call/);
    await rejects(c.sendDtmf(leg.id, "1x"), "bad_parameter", /DTMF digits must be 0-9/);
    await rejects(c.removeLeg("nope"), "bad_parameter", /leg nope is not part of call/);
    await rejects(c.setMixRole(leg.id, { mode: "whisper", to: "nope" }), "bad_parameter", /leg nope is not part of call/);
    await rejects(c.setMixRole(leg.id, { mode: "shout" } as unknown as { mode: "party" }), "bad_parameter", /unknown mix mode "shout"/);
    await rejects(leg.connect({ ip: "127.0.0.1", port: 5004, ssrc: 5, telephoneEvent: 0 }), "bad_parameter", /telephoneEvent must be a dynamic payload type/);
    c.close();
    throws(() => c.play(leg.id, new Int16Array(160)), "call_ended", /call bad-audio has ended \(hangup\)/);
    throws(() => c.record("/tmp/x.wav"), "call_ended", /has ended/);
    await rejects(c.sendDtmf(leg.id, "1"), "call_ended", /has ended/);
    await rejects(c.removeLeg(leg.id), "call_ended", /has ended/);
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });
});
