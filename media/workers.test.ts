import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaCall, type MediaPlane } from "./protocol";
import { dominantFrequency } from "./rtp/tone";
import { RtpPeer, sleep, waitFor } from "./testing/rtp-peer";

let plane: MediaPlane;
const ended: Array<[string, string]> = [];
const died: number[] = [];

beforeAll(async () => {
  plane = await createMediaPlane({
    workers: 2,
    rtcMinPort: 43000,
    rtcMaxPort: 43999,
    onCallEnded: (id, reason) => ended.push([id, reason]),
    onWorkerDied: ({ pid }) => died.push(pid),
  });
});
afterAll(() => plane.close());

async function callWithLegs(callId: string): Promise<MediaCall> {
  const call = await plane.createCall(callId);
  await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
  await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
  return call;
}

describe("worker pool", () => {
  it("splits the port range, spreads calls, and counts routers and transports back to zero", async () => {
    const workers = plane.stats().workers;
    expect(workers.map((w) => [w.rtcMinPort, w.rtcMaxPort])).toEqual([[43000, 43499], [43500, 43999]]);
    const calls = await Promise.all(Array.from({ length: 10 }, (_, i) => callWithLegs(`count-${i}`)));
    const busy = plane.stats();
    expect(busy).toMatchObject({ calls: 10, routers: 10, transports: 20 });
    expect(busy.workers.map((w) => w.routers)).toEqual([5, 5]);
    for (const call of calls) call.close();
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
    expect(plane.stats().workers.map((w) => w.transports)).toEqual([0, 0]);
  });

  it("ends a dead worker's calls with media_worker_died, replaces it, and new calls bridge audio", async () => {
    const calls = await Promise.all(Array.from({ length: 4 }, (_, i) => callWithLegs(`die-${i}`)));
    const victim = plane.stats().workers[0]?.pid ?? 0;
    const others = plane.stats().workers.map((w) => w.pid).filter((p) => p !== victim);
    process.kill(victim, "SIGKILL");
    await waitFor(() => died.includes(victim));
    const onVictim = calls.filter((c) => c.ended === "media_worker_died").map((c) => c.callId);
    expect(onVictim).toHaveLength(2);
    for (const id of onVictim) expect(ended).toContainEqual([id, "media_worker_died"]);
    await waitFor(() => plane.stats().workers.every((w) => w.pid !== 0));
    const pids = plane.stats().workers.map((w) => w.pid);
    expect(pids).not.toContain(victim);
    expect(pids).toEqual(expect.arrayContaining(others));
    const replacement = pids.find((p) => !others.includes(p));
    for (const c of calls) c.close();
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });

    // New calls on the replacement worker and on the survivor both carry audio both ways.
    const seen = new Set<number>();
    const other = await plane.createCall("filler"); // takes one worker, so the next call gets the other
    for (const callId of ["after-1", "after-2"]) {
      const call = await plane.createCall(callId);
      seen.add(call.workerPid);
      const farA = await RtpPeer.open("pcmu", 7);
      const farB = await RtpPeer.open("pcmu", 8);
      try {
        const a = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
        const b = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
        await a.connect({ ip: "127.0.0.1", port: farA.port, ssrc: 7 });
        await b.connect({ ip: "127.0.0.1", port: farB.port, ssrc: 8 });
        farA.sendTone(a.local.port, 1000);
        farB.sendTone(b.local.port, 440);
        await sleep(700);
        expect(Math.abs(dominantFrequency(farA.audio()).hz - 440)).toBeLessThanOrEqual(15);
        expect(Math.abs(dominantFrequency(farB.audio()).hz - 1000)).toBeLessThanOrEqual(15);
      } finally {
        farA.close();
        farB.close();
        call.close();
      }
      if (callId === "after-1") other.close();
    }
    expect(replacement).toBeDefined();
    expect(seen).toContain(replacement);
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });

  it("leaves SIGTERM and SIGINT to the server's drain: mediasoup's own close-on-signal listeners are gone, replaced workers included", () => {
    expect(plane.stats().workers.every((w) => w.pid > 0)).toBe(true);
    const handlers = [...process.listeners("SIGTERM"), ...process.listeners("SIGINT")];
    expect(handlers.filter((h) => h.name === "onSignal")).toEqual([]);
  });
});
