/** The server's call flow, end to end through mediasoup: queue, answer, hold, agent hangs up, transfer. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import { goertzel, rms } from "./rtp/tone";
import { freq } from "./testing/calls";
import { RtpPeer, sleep } from "./testing/rtp-peer";

let plane: MediaPlane;
beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 49500, rtcMaxPort: 49999 });
});
afterEach(() => {
  expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
});
afterAll(() => plane.close());

describe("a queued call", () => {
  it("caller hears ringback, then music while an agent joins, the agent once answered, music on hold, then a second agent", async () => {
    const call = await plane.createCall("flow");
    const peers: RtpPeer[] = [];
    const join = async (ssrc: number, hz: number) => {
      const far = await RtpPeer.open("pcmu", ssrc);
      peers.push(far);
      const leg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      await leg.connect({ ip: "127.0.0.1", port: far.port, ssrc });
      far.sendTone(leg.local.port, hz);
      return { leg, far };
    };
    try {
      const caller = await join(0x100, 1000);
      let heard = caller.far.mark();
      const stopRing = call.playRingback(caller.leg.id);
      await sleep(700);
      stopRing();
      const ring = heard();
      expect(goertzel(ring, 440) + goertzel(ring, 480)).toBeGreaterThan(100 * goertzel(ring, 1000));

      const stopMusic = call.playMusic(caller.leg.id);
      const agent1 = await join(0x200, 1700); // no note of the music is near 1.7 kHz
      heard = caller.far.mark();
      const agentHeard = agent1.far.mark();
      await sleep(700);
      const music = heard();
      expect(rms(music)).toBeGreaterThan(0.05);
      expect(freq(agentHeard())).toBe(1000); // the agent hears the caller at once

      stopMusic(); // answered
      await sleep(150);
      heard = caller.far.mark();
      await sleep(600);
      const answered = heard();
      expect(freq(answered)).toBe(1700);
      const agentPower = goertzel(answered, 1700);
      expect(goertzel(music, 1700)).toBeLessThan(agentPower / 1000); // during the music the caller did not hear the agent

      const hold = call.playMusic(caller.leg.id);
      await sleep(150);
      heard = caller.far.mark();
      await sleep(600);
      const onHold = heard();
      expect(rms(onHold)).toBeGreaterThan(0.05);
      expect(goertzel(onHold, 1700)).toBeLessThan(agentPower / 1000);

      await call.removeLeg(agent1.leg.id); // agent hangs up while the caller is on hold
      const agent2 = await join(0x300, 1500);
      hold();
      await sleep(150);
      heard = caller.far.mark();
      const agent2Heard = agent2.far.mark();
      await sleep(600);
      expect(freq(heard())).toBe(1500);
      expect(freq(agent2Heard())).toBe(1000);
      expect(call.legs().map((l) => l.id)).toEqual([caller.leg.id, agent2.leg.id]);
    } finally {
      for (const p of peers) p.close();
      call.close();
    }
  });
});
