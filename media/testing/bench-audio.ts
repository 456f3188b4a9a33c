/**
 * Rough cost of the media plane's Node-side audio: N calls of three legs (the mixer) or two
 * legs recording, fed by Node RTP peers in this same process. Prints figures; not a test.
 *   npx tsx media/testing/bench-audio.ts [calls] [mix|record|bridge]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMediaPlane } from "../protocol";
import { callWithTones } from "./calls";
import { sleep } from "./rtp-peer";

const calls = Number(process.argv[2] ?? 20);
const mode = process.argv[3] ?? "mix";
const plane = await createMediaPlane({ workers: 1, rtcMinPort: 48000, rtcMaxPort: 48999 });
const dir = mkdtempSync(join(tmpdir(), "bench-"));
const running = [];
for (let i = 0; i < calls; i++) {
  const c = await callWithTones(plane, `bench-${i}`, mode === "mix" ? [500, 1000, 1500] : [1000, 440]);
  if (mode === "record") c.call.record(join(dir, `${i}.wav`));
  running.push(c);
}
await sleep(1000);
const peersOnly = mode === "bridge";
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await sleep(5000);
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - t0;
const [usage] = await plane.resourceUsage();
console.log(`${calls} calls, ${mode}: node ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(1)}% of a core (peers included${peersOnly ? ", no Node audio path" : ""}); worker total user ${usage?.userMs} ms`);
for (const c of running) c.close();
plane.close();
rmSync(dir, { recursive: true, force: true });
