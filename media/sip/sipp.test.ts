/**
 * The gateway against SIPp: every test has its own media plane, gateway (127.0.0.1, port 0)
 * and router, and runs a scenario from ./scenarios on SIPp's own free ports.
 */
import { afterEach, describe, expect, it } from "vitest";
import { dominantFrequency } from "../rtp/tone";
import { RtpPeer, waitFor } from "../testing/rtp-peer";
import { closeRigs, newCallId, peers, rig, target } from "./testing-rig";
import { killSipps, runSipp } from "./testing-sipp";

afterEach(async () => {
  killSipps();
  await closeRigs();
});

describe("SIP gateway with SIPp callers", () => {
  it("answers a call, carries SIPp's 1 kHz to the other leg, ends on SIPp's BYE", async () => {
    const callId = newCallId();
    const r = await rig(async (i) => (i.requestUser === "+14155550100" ? { accept: { callId } } : { reject: { status: 404, reason: "Not Found" } }));
    const sipp = await runSipp({ scenario: "uac_call.xml", target: target(r), service: "+14155550100", toneHz: 1000 });
    await waitFor(() => r.answered.includes(callId), 5000);
    const peer = await RtpPeer.open("pcmu", 0x4242);
    peers.push(peer);
    const call = r.media.getCall(callId);
    if (!call) throw new Error("no media");
    const leg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await leg.connect({ ip: "127.0.0.1", port: peer.port, ssrc: 0x4242 });
    peer.sendTone(leg.local.port, 440);
    const result = await sipp.done;
    expect(result.code, result.stderr).toBe(0);
    await waitFor(() => r.ended.some((e) => e.callId === callId), 3000);
    expect(r.ended).toEqual([{ callId, reason: "caller_hangup" }]);
    const heard = peer.audio();
    expect(heard.length).toBeGreaterThan(8000);
    expect(dominantFrequency(heard.subarray(0, Math.min(heard.length, 16_000))).hz).toBe(1000);
    expect(r.invites[0]).toMatchObject({ requestUser: "+14155550100", fromUser: "+14155550123", fromDisplayName: "Caller", source: { ip: "127.0.0.1", transport: "udp" } });
    await waitFor(() => r.media.stats().transports === 0 && r.media.stats().calls === 0, 3000);
    expect(r.gateway.activeCalls()).toBe(0);
  });
});

const finalStatus = (messages: string) => [...messages.matchAll(/^SIP\/2\.0 (\d{3})/gm)].map((m) => Number(m[1])).filter((s) => s >= 200);

describe("SIP gateway rejections", () => {
  it("answers 404 for an unknown number and 403 for a source the router refuses, without call objects", async () => {
    const r = await rig(async (i) => (i.requestUser === "+1000" ? { reject: { status: 403, reason: "Forbidden" } } : { reject: { status: 404, reason: "Not Found" } }));
    const unknown = await (await runSipp({ scenario: "uac_reject.xml", target: target(r), service: "+1999", extra: ["-key", "codecs", "0 101"] })).done;
    expect(unknown.code, unknown.stderr).toBe(0);
    expect(finalStatus(unknown.messages)).toEqual([404]);
    const refused = await (await runSipp({ scenario: "uac_reject.xml", target: target(r), service: "+1000", extra: ["-key", "codecs", "0 101"] })).done;
    expect(finalStatus(refused.messages)).toEqual([403]);
    expect(r.invites).toHaveLength(2);
    expect(r.media.stats().calls).toBe(0);
    expect(r.ended).toEqual([]);
  });

  it("answers 488 to an offer without PCMU or PCMA, before asking the router", async () => {
    const r = await rig(async () => ({ accept: { callId: newCallId() } }));
    const res = await (await runSipp({ scenario: "uac_reject.xml", target: target(r), service: "+1", extra: ["-key", "codecs", "18 101"] })).done;
    expect(res.code, res.stderr).toBe(0);
    expect(finalStatus(res.messages)).toEqual([488]);
    expect(r.invites).toHaveLength(0);
    expect(r.media.stats().calls).toBe(0);
  });

  it("answers 487 to a CANCEL while the router is still deciding, and reports cancelled", async () => {
    const callId = newCallId();
    const r = await rig(() => new Promise((resolve) => setTimeout(() => resolve({ accept: { callId } }), 1500)));
    const res = await (await runSipp({ scenario: "uac_cancel.xml", target: target(r), service: "+1" })).done;
    expect(res.code, res.stderr).toBe(0);
    expect(finalStatus(res.messages)).toEqual([200, 487]);
    await waitFor(() => r.ended.length > 0, 3000);
    expect(r.ended).toEqual([{ callId, reason: "cancelled" }]);
    expect(r.media.stats().calls).toBe(0);
  });

  it("challenges with 401 and accepts the retried INVITE with the right digest", async () => {
    const callId = newCallId();
    const r = await rig(async (i) => {
      if (!i.digest) return { challenge: { realm: "trunk.hotline.test" } };
      return i.digest.username === "trunk1" && i.digest.verify("s3cret") ? { accept: { callId } } : { reject: { status: 403, reason: "Bad credentials" } };
    });
    const res = await (await runSipp({ scenario: "uac_auth.xml", target: target(r), service: "+1", extra: ["-au", "trunk1", "-ap", "s3cret"] })).done;
    expect(res.code, res.stderr).toBe(0);
    expect(finalStatus(res.messages)).toEqual([401, 200, 200]);
    expect(r.answered).toEqual([callId]);
    const wrong = await (await runSipp({ scenario: "uac_reject.xml", target: target(r), service: "+1", extra: ["-key", "codecs", "0"] })).done;
    expect(finalStatus(wrong.messages)).toEqual([401]);
  });

  it("holds and resumes on re-INVITE (sendonly -> recvonly, then sendrecv)", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }));
    const res = await (await runSipp({ scenario: "uac_hold.xml", target: target(r), service: "+1" })).done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.holds).toEqual([true, false]);
    expect(r.ended).toEqual([{ callId, reason: "caller_hangup" }]);
  });
});

describe("SIP gateway dialing SIPp", () => {
  const started = () => new Promise((r) => setTimeout(r, 400));

  it("dials a trunk that challenges, answers with credentials, carries its 1 kHz, and hangs up with BYE", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const uas = await runSipp({ scenario: "uas_auth.xml", toneHz: 1000, extra: ["-au", "trunkuser", "-ap", "trunkpass"] });
    await started();
    const callId = newCallId();
    const progress: number[] = [];
    const leg = await r.gateway.dial({
      callId,
      target: { host: "127.0.0.1", port: uas.port, transport: "udp" },
      toUser: "+14155550199",
      fromUser: "+14155550100",
      auth: { username: "trunkuser", password: "trunkpass" },
      onProgress: (p) => progress.push(p.status),
      timeoutMs: 5000,
    });
    expect(leg.codec).toBe("pcmu");
    expect(progress).toEqual([180]);
    const peer = await RtpPeer.open("pcmu", 0x5151);
    peers.push(peer);
    const other = await r.media.getCall(callId)?.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    if (!other) throw new Error("no media");
    await other.connect({ ip: "127.0.0.1", port: peer.port, ssrc: 0x5151 });
    peer.sendTone(other.local.port, 440);
    await waitFor(() => peer.received.length > 60, 5000);
    expect(dominantFrequency(peer.audio()).hz).toBe(1000);
    await r.gateway.hangup(callId);
    const res = await uas.done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.ended).toEqual([]);
    expect(r.gateway.activeCalls()).toBe(0);
    await waitFor(() => r.media.stats().calls === 0, 3000);
  });

  it("maps wrong credentials to rejected, 486 to busy, ringing past the timeout to no_answer (CANCEL)", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const dialTo = (port: number, extra: object = {}) =>
      r.gateway.dial({ callId: newCallId(), target: { host: "127.0.0.1", port, transport: "udp" }, toUser: "+1", fromUser: "+2", timeoutMs: 1500, ...extra });

    const auth = await runSipp({ scenario: "uas_auth.xml", toneHz: 1000 });
    await started();
    await expect(dialTo(auth.port, { auth: { username: "trunkuser", password: "wrong" } })).rejects.toMatchObject({ reason: "rejected", status: 403 });
    expect((await auth.done).code).toBe(0);

    const busy = await runSipp({ scenario: "uas_busy.xml" });
    await started();
    await expect(dialTo(busy.port)).rejects.toMatchObject({ reason: "busy", status: 486 });
    expect((await busy.done).code).toBe(0);

    const ring = await runSipp({ scenario: "uas_ring.xml" });
    await started();
    await expect(dialTo(ring.port)).rejects.toMatchObject({ reason: "no_answer" });
    const rang = await ring.done;
    expect(rang.code, rang.stderr).toBe(0);
    expect(r.ended).toEqual([]);
    expect(r.gateway.activeCalls()).toBe(0);
    expect(r.media.stats().calls).toBe(0);
  });

  it("carries a trunk's early media (183) into the server's call, and on 486 takes only its own leg out", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const callId = newCallId();
    const call = await r.media.createCall(callId); // the server's call, e.g. click-to-call
    const peer = await RtpPeer.open("pcmu", 0x6161);
    peers.push(peer);
    const agent = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await agent.connect({ ip: "127.0.0.1", port: peer.port, ssrc: 0x6161 });
    const transportsBefore = r.media.stats().transports;
    const uas = await runSipp({ scenario: "uas_early_busy.xml", toneHz: 1000 });
    await started();
    const progress: Array<{ status: number; earlyMedia: boolean }> = [];
    const dialing = r.gateway.dial({ callId, target: { host: "127.0.0.1", port: uas.port, transport: "udp" }, toUser: "+1", fromUser: "+2", onProgress: (p) => progress.push(p), timeoutMs: 5000 });
    await expect(dialing).rejects.toMatchObject({ reason: "busy" });
    expect(progress).toEqual([{ status: 183, earlyMedia: true }]);
    expect(peer.received.length).toBeGreaterThan(20);
    expect(dominantFrequency(peer.audio()).hz).toBe(1000);
    expect(call.ended).toBeUndefined();
    await waitFor(() => r.media.stats().transports === transportsBefore, 3000);
    expect((await uas.done).code).toBe(0);
  });

  it("dials over TCP (486 comes back on the connection: busy)", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const busy = await runSipp({ scenario: "uas_busy.xml", transport: "tcp" });
    await started();
    const dialing = r.gateway.dial({ callId: newCallId(), target: { host: "127.0.0.1", port: busy.port, transport: "tcp" }, toUser: "+1", fromUser: "+2", timeoutMs: 3000 });
    await expect(dialing).rejects.toMatchObject({ reason: "busy", status: 486 });
    const res = await busy.done;
    expect(res.code, res.stderr).toBe(0);
    expect(res.messages).toMatch(/^Via: SIP\/2\.0\/TCP 127\.0\.0\.1:\d+;/m);
  });

  it("maps a target that does not answer at all to unreachable (UDP silence, TCP refused)", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const { freePort } = await import("@/test/peers/ports");
    const port = await freePort();
    await expect(r.gateway.dial({ callId: newCallId(), target: { host: "127.0.0.1", port, transport: "udp" }, toUser: "+1", fromUser: "+2", timeoutMs: 1000 })).rejects.toMatchObject({ reason: "unreachable" });
    await expect(r.gateway.dial({ callId: newCallId(), target: { host: "127.0.0.1", port, transport: "tcp" }, toUser: "+1", fromUser: "+2", timeoutMs: 3000 })).rejects.toMatchObject({ reason: "unreachable" });
    expect(r.gateway.activeCalls()).toBe(0);
  });

  it("pings another gateway with OPTIONS over UDP and TCP (200)", async () => {
    const a = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const b = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const udp = await a.gateway.ping({ host: "127.0.0.1", port: b.gateway.port, transport: "udp" });
    expect(udp).toMatchObject({ ok: true, status: 200 });
    const tcp = await a.gateway.ping({ host: "127.0.0.1", port: b.gateway.port, transport: "tcp" });
    expect(tcp).toMatchObject({ ok: true, status: 200 });
  });
});
