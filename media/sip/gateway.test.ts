import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dominantFrequency } from "../rtp/tone";
import { type MediaPlane, createMediaPlane } from "../protocol";
import { RtpPeer, sleep, waitFor } from "../testing/rtp-peer";
import { type Baresip, startBaresip } from "@/test/peers/baresip";
import type { RouteDecision, SipEndReason, SipGateway } from "./api";
import { createSipGateway } from "./gateway";

let media: MediaPlane;
let gateway: SipGateway;
const ended: Array<{ callId: string; reason: SipEndReason }> = [];
const answered: string[] = [];
const digits: string[] = [];
let decide: (number: string, sourceIp: string) => Promise<RouteDecision> = async () => ({ reject: { status: 404, reason: "Not Found" } });
let phone: Baresip | undefined;
let deskPhone: Baresip | undefined;
let peer: RtpPeer | undefined;
let seq = 0;

beforeAll(async () => {
  media = await createMediaPlane({ workers: 1 });
  gateway = await createSipGateway({
    host: "127.0.0.1",
    port: 0,
    media,
    rtpListenIp: "127.0.0.1",
    maxCalls: 50,
    router: { route: (invite) => decide(invite.requestUser, invite.source.ip) },
    events: {
      onAnswered: (callId) => answered.push(callId),
      onHold: () => undefined,
      onDtmf: (_callId, d) => digits.push(d),
      onEnded: (callId, reason) => ended.push({ callId, reason }),
    },
  });
});
afterEach(async () => {
  await phone?.close();
  phone = undefined;
  await deskPhone?.close();
  deskPhone = undefined;
  peer?.close();
  peer = undefined;
});
afterAll(async () => {
  await gateway?.close();
  media?.close();
});

describe("SIP gateway with a real softphone", () => {
  it("answers baresip's call, carries 1 kHz in and 440 Hz out, and ends on its BYE", async () => {
    const callId = `call-${++seq}`;
    decide = async (n) => (n === "+14155550100" ? { accept: { callId } } : { reject: { status: 404, reason: "Not Found" } });
    phone = await startBaresip({ toneHz: 1000 });
    await phone.dial(`sip:+14155550100@127.0.0.1:${gateway.port}`);
    await phone.waitFor("CALL_ESTABLISHED", 10_000);
    await waitFor(() => answered.includes(callId), 5000);
    // The other party: a second leg of the same call, a Node RTP peer playing 440 Hz.
    peer = await RtpPeer.open("pcmu", 0x1234);
    const call = media.getCall(callId);
    if (!call) throw new Error("no media for the call");
    const agentLeg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await agentLeg.connect({ ip: "127.0.0.1", port: peer.port, ssrc: 0x1234 });
    peer.sendTone(agentLeg.local.port, 440);
    await sleep(2500);
    await phone.hangup();
    await waitFor(() => ended.some((e) => e.callId === callId), 5000);
    expect(ended.find((e) => e.callId === callId)?.reason).toBe("caller_hangup");
    const inbound = peer.audio();
    expect(dominantFrequency(inbound.subarray(inbound.length - 12_000, inbound.length - 2000)).hz).toBe(1000);
    const heard = phone.heard();
    expect(dominantFrequency(heard.subarray(heard.length - 12_000, heard.length - 2000)).hz).toBe(440);
    await waitFor(() => media.stats().transports === 0, 3000);
    expect(gateway.activeCalls()).toBe(0);
  });

  it("dials a second softphone into a live call: they hear each other, and its hang-up leaves the caller connected", async () => {
    const callId = `call-${++seq}`;
    decide = async (n) => (n === "+14155550101" ? { accept: { callId } } : { reject: { status: 404, reason: "Not Found" } });
    phone = await startBaresip({ toneHz: 1000 });
    deskPhone = await startBaresip({ toneHz: 440, user: "desk" });
    await phone.dial(`sip:+14155550101@127.0.0.1:${gateway.port}`);
    await phone.waitFor("CALL_ESTABLISHED", 10_000);
    const established = Date.now();
    await waitFor(() => answered.includes(callId), 5000);
    const key = `${callId}~desk`;
    const leg = await gateway.dial({ callId: key, mediaCallId: callId, target: { host: "127.0.0.1", port: deskPhone.sipPort, transport: "udp" }, toUser: "desk", fromUser: "+14155550101", codecs: ["pcmu"] });
    const joinedAt = Date.now();
    expect(leg.codec).toBe("pcmu");
    expect(media.getCall(callId)?.legs()).toHaveLength(2);
    await sleep(2500);
    const leftAt = Date.now();
    await deskPhone.hangup();
    await waitFor(() => ended.some((e) => e.callId === key), 5000);
    expect(ended.find((e) => e.callId === key)?.reason).toBe("remote_hangup");
    // The caller's call goes on, with its one leg, until it hangs up too.
    await sleep(300);
    expect(ended.some((e) => e.callId === callId)).toBe(false);
    expect(media.getCall(callId)?.legs()).toHaveLength(1);
    await phone.hangup();
    await waitFor(() => ended.some((e) => e.callId === callId), 5000);
    const deskHeard = deskPhone.heard();
    expect(dominantFrequency(deskHeard.subarray(deskHeard.length - 12_000, deskHeard.length - 2000)).hz).toBe(1000);
    const at = (ms: number) => Math.round(((ms - established) / 1000) * 8000);
    const heard = phone.heard();
    expect(dominantFrequency(heard.subarray(at(joinedAt + 500), at(leftAt - 300))).hz).toBe(440);
    await waitFor(() => media.stats().transports === 0, 3000);
    expect(gateway.activeCalls()).toBe(0);
  });

  it("refuses to join a call that has no media", async () => {
    deskPhone = await startBaresip({ toneHz: 440, user: "desk" });
    await expect(
      gateway.dial({ callId: "nobody~desk", mediaCallId: "nobody", target: { host: "127.0.0.1", port: deskPhone.sipPort, transport: "udp" }, toUser: "desk", fromUser: "x" }),
    ).rejects.toMatchObject({ reason: "rejected" });
    expect(gateway.activeCalls()).toBe(0);
  });
});
