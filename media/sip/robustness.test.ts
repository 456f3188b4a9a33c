/**
 * The gateway under stress: overload (503 + Retry-After before the router), the stale-call
 * guard (no RTP -> BYE), media lost underneath (worker killed -> BYE), shutdown BYEs, and
 * 1,000+ mutated messages over UDP and TCP after which a normal call still works.
 */
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../testing/rtp-peer";
import { closeRigs, newCallId, rig, target } from "./testing-rig";
import { killSipps, runSipp } from "./testing-sipp";

afterEach(async () => {
  killSipps();
  await closeRigs();
});

const finalStatus = (messages: string) => [...messages.matchAll(/^SIP\/2\.0 (\d{3})/gm)].map((m) => Number(m[1])).filter((s) => s >= 200);

describe("SIP gateway limits and the stale-call guard", () => {
  it("answers 503 with Retry-After beyond maxCalls, without asking the router", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }), { maxCalls: 1 });
    const first = await runSipp({ scenario: "uac_wait_bye.xml", target: target(r), service: "+1" });
    await waitFor(() => r.answered.length === 1, 5000);
    const second = await (await runSipp({ scenario: "uac_reject.xml", target: target(r), service: "+1", extra: ["-key", "codecs", "0"] })).done;
    expect(finalStatus(second.messages)).toEqual([503]);
    expect(second.messages).toMatch(/^Retry-After: 5/m);
    expect(r.invites).toHaveLength(1);
    await r.gateway.hangup(callId);
    expect((await first.done).code).toBe(0);
  });

  it("answers 503 with Retry-After while the node says it is overloaded, without asking the router", async () => {
    let overloaded = true;
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }), { overloaded: () => overloaded });
    const shed = await (await runSipp({ scenario: "uac_reject.xml", target: target(r), service: "+1", extra: ["-key", "codecs", "0"] })).done;
    expect(finalStatus(shed.messages)).toEqual([503]);
    expect(shed.messages).toMatch(/^Retry-After: 5/m);
    expect(r.invites).toHaveLength(0);
    // A load balancer's OPTIONS probe gets the same answer (RFC 3261 §11.2), so it sends calls elsewhere.
    const prober = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const probe = { host: "127.0.0.1", port: r.gateway.port, transport: "udp" as const };
    expect(await prober.gateway.ping(probe)).toMatchObject({ ok: false, status: 503 });
    overloaded = false;
    expect(await prober.gateway.ping(probe)).toMatchObject({ ok: true, status: 200 });
    const taken = await runSipp({ scenario: "uac_wait_bye.xml", target: target(r), service: "+1" });
    await waitFor(() => r.answered.length === 1, 5000);
    await r.gateway.hangup(callId);
    expect((await taken.done).code).toBe(0);
  });

  it("sends BYE when no RTP arrives for rtpTimeoutMs (rtp_timeout)", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }), { rtpTimeoutMs: 800 });
    const sipp = await runSipp({ scenario: "uac_wait_bye.xml", target: target(r), service: "+1" });
    const res = await sipp.done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.ended).toEqual([{ callId, reason: "rtp_timeout" }]);
    await waitFor(() => r.media.stats().calls === 0, 3000);
  });

  it("keeps a call whose far end sends no RTP but refreshes its session (re-INVITE)", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }), { rtpTimeoutMs: 800 });
    const sipp = await runSipp({ scenario: "uac_refresh.xml", target: target(r), service: "+1" });
    const res = await sipp.done;
    expect(res.code, res.stderr).toBe(0);
    // 2.1 s without RTP, refreshed every 450 ms: it ends by the caller's BYE, not the guard.
    expect(r.ended).toEqual([{ callId, reason: "caller_hangup" }]);
    expect(r.holds).toEqual([]);
    await waitFor(() => r.media.stats().calls === 0, 3000);
  });

  it("sends BYE and reports media_worker_died when the call's mediasoup worker dies", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }));
    const sipp = await runSipp({ scenario: "uac_wait_bye.xml", target: target(r), service: "+1" });
    await waitFor(() => r.answered.length === 1, 5000);
    const pid = r.media.getCall(callId)?.workerPid;
    if (!pid) throw new Error("no worker");
    process.kill(pid, "SIGKILL");
    const res = await sipp.done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.ended).toEqual([{ callId, reason: "media_worker_died" }]);
  });

  it("sends BYE to every live call on close (shutdown)", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }));
    const sipp = await runSipp({ scenario: "uac_wait_bye.xml", target: target(r), service: "+1", transport: "tcp" });
    await waitFor(() => r.answered.length === 1, 5000);
    await r.gateway.close();
    const res = await sipp.done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.ended).toEqual([{ callId, reason: "shutdown" }]);
  });

  it("on close right after the answer, waits for the caller's late ACK and then sends its BYE", async () => {
    const callId = newCallId();
    const r = await rig(async () => ({ accept: { callId } }));
    const sipp = await runSipp({ scenario: "uac_late_ack.xml", target: target(r), service: "+1", transport: "tcp" });
    await waitFor(() => r.answered.length === 1, 5000);
    await r.gateway.close(); // the ACK is still 400 ms away
    const res = await sipp.done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.ended).toEqual([{ callId, reason: "shutdown" }]);
  });
});

/** A small seeded PRNG, so a failing mutation can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s % n;
  };
}

const BASE = [
  (port: number, i: number) =>
    `INVITE sip:+1555@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-fz${i}\r\nFrom: <sip:a@127.0.0.1>;tag=f${i}\r\nTo: <sip:+1555@127.0.0.1>\r\nCall-ID: fuzz-${i}\r\nCSeq: 1 INVITE\r\nContact: <sip:a@127.0.0.1:9>\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: 88\r\n\r\nv=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n`,
  (port: number, i: number) =>
    `OPTIONS sip:127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-fo${i}\r\nFrom: <sip:a@127.0.0.1>;tag=o${i}\r\nTo: <sip:127.0.0.1>\r\nCall-ID: fuzzo-${i}\r\nCSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n`,
  (port: number, i: number) =>
    `BYE sip:x@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-fb${i}\r\nFrom: <sip:a@127.0.0.1>;tag=b${i}\r\nTo: <sip:x@127.0.0.1>;tag=nope\r\nCall-ID: fuzzb-${i}\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n`,
  (_port: number, i: number) =>
    `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-fr${i}\r\nFrom: <sip:a@127.0.0.1>;tag=r${i}\r\nTo: <sip:b@127.0.0.1>;tag=x\r\nCall-ID: fuzzr-${i}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`,
];

function mutate(msg: string, rand: (n: number) => number): Buffer {
  const buf = Buffer.from(msg, "latin1");
  switch (rand(7)) {
    case 0:
      return buf.subarray(0, rand(buf.length)); // truncated
    case 1: {
      for (let k = 0; k < 1 + rand(8); k++) {
        const at = rand(buf.length);
        buf[at] = (buf[at] ?? 0) ^ (1 << rand(8)); // bit flips
      }
      return buf;
    }
    case 2: {
      const lines = msg.split("\r\n");
      lines.splice(1 + rand(Math.max(1, lines.length - 3)), 1); // a header dropped
      return Buffer.from(lines.join("\r\n"), "latin1");
    }
    case 3:
      return Buffer.from(Array.from({ length: 1 + rand(1500) }, () => rand(256))); // binary junk
    case 4:
      return Buffer.from(msg.replace(/CSeq: \d+/, `CSeq: ${["-1", "abc", "99999999999", ""][rand(4)]}`), "latin1");
    case 5:
      return Buffer.from(msg.replace(/Content-Length: \d+/, `Content-Length: ${[0, 5, 70000, 999999999][rand(4)]}`), "latin1");
    default:
      return Buffer.from(msg.replace(/Via: [^\r]*/, rand(2) ? "Via: garbage" : "Via: SIP/2.0/UDP ;branch="), "latin1");
  }
}

describe("SIP gateway against garbage", () => {
  it("survives 1,200 mutated messages over UDP and TCP, creates no calls for them, then takes a normal call", async () => {
    let accept = false;
    const callId = newCallId();
    const r = await rig(async () => (accept ? { accept: { callId } } : { reject: { status: 404, reason: "Not Found" } }));
    const rand = prng(20261129);
    const port = r.gateway.port;
    const udp = createSocket("udp4");
    for (let i = 0; i < 800; i++) {
      const base = BASE[rand(BASE.length)] ?? BASE[0]!;
      udp.send(mutate(base(port, i), rand), port, "127.0.0.1");
      if (i % 50 === 0) await new Promise((res) => setTimeout(res, 5));
    }
    for (let c = 0; c < 8; c++) {
      const socket = connect({ host: "127.0.0.1", port });
      socket.on("error", () => undefined);
      socket.on("data", () => undefined);
      await new Promise((res) => socket.once("connect", res));
      for (let i = 0; i < 50; i++) {
        const base = BASE[rand(BASE.length)] ?? BASE[0]!;
        socket.write(mutate(base(port, 1000 + c * 50 + i), rand));
      }
      await new Promise((res) => setTimeout(res, 50));
      socket.destroy();
    }
    await new Promise((res) => setTimeout(res, 500));
    udp.close();
    expect(r.media.stats().calls).toBe(0);
    expect(r.gateway.activeCalls()).toBe(0);
    expect(r.gateway.stats().droppedMessages).toBeGreaterThan(100);
    accept = true;
    const res = await (await runSipp({ scenario: "uac_call.xml", target: target(r), service: "+1", toneHz: 1000 })).done;
    expect(res.code, res.stderr).toBe(0);
    expect(r.ended).toEqual([{ callId, reason: "caller_hangup" }]);
  });
});

describe("SIP gateway UDP retransmissions (what sip.js leaves out)", () => {
  const invite = (port: number, local: number, id: string) =>
    `INVITE sip:+1@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${id}\r\nFrom: <sip:a@127.0.0.1>;tag=t-${id}\r\nTo: <sip:+1@127.0.0.1>\r\nCall-ID: ${id}\r\nCSeq: 1 INVITE\r\nContact: <sip:a@127.0.0.1:${local}>\r\nContent-Type: application/sdp\r\nContent-Length: 88\r\n\r\nv=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n`;

  it("resends a 404 until the ACK (Timer G), asks the router once for a retransmitted INVITE", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const udp = createSocket("udp4");
    await new Promise<void>((res) => udp.bind(0, "127.0.0.1", () => res()));
    const local = udp.address().port;
    const got: string[] = [];
    udp.on("message", (m) => got.push(m.toString("latin1")));
    const id = `retx-${Date.now()}`;
    udp.send(invite(r.gateway.port, local, id), r.gateway.port, "127.0.0.1");
    await new Promise((res) => setTimeout(res, 100));
    udp.send(invite(r.gateway.port, local, id), r.gateway.port, "127.0.0.1"); // the caller's own retransmission
    await new Promise((res) => setTimeout(res, 1700));
    const finals = () => got.filter((m) => m.startsWith("SIP/2.0 404")).length;
    expect(finals()).toBeGreaterThanOrEqual(3);
    expect(r.invites).toHaveLength(1);
    const last = got.filter((m) => m.startsWith("SIP/2.0 404")).at(-1) ?? "";
    const toTag = /\r\nTo:[^\r]*;tag=([^;\r]+)/i.exec(last)?.[1] ?? "";
    udp.send(`ACK sip:+1@127.0.0.1:${r.gateway.port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${id}\r\nFrom: <sip:a@127.0.0.1>;tag=t-${id}\r\nTo: <sip:+1@127.0.0.1>;tag=${toTag}\r\nCall-ID: ${id}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n`, r.gateway.port, "127.0.0.1");
    await new Promise((res) => setTimeout(res, 200));
    const afterAck = finals();
    await new Promise((res) => setTimeout(res, 2500));
    expect(finals()).toBe(afterAck);
    udp.close();
  });

  it("resends an unanswered INVITE (Timer A) until the dial gives up", async () => {
    const r = await rig(async () => ({ reject: { status: 404, reason: "Not Found" } }));
    const udp = createSocket("udp4");
    await new Promise<void>((res) => udp.bind(0, "127.0.0.1", () => res()));
    let invites = 0;
    udp.on("message", (m) => {
      if (m.toString("latin1").startsWith("INVITE ")) invites++;
    });
    const dialing = r.gateway.dial({ callId: newCallId(), target: { host: "127.0.0.1", port: udp.address().port, transport: "udp" }, toUser: "+1", fromUser: "+2", timeoutMs: 1800 });
    await expect(dialing).rejects.toMatchObject({ reason: "unreachable" });
    expect(invites).toBeGreaterThanOrEqual(3); // t = 0, 0.5 s, 1.5 s
    udp.close();
  });
});
