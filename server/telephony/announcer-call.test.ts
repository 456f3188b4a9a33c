/**
 * A real caller (baresip) waits in a queue that announces: this node's telephony (SIP gateway,
 * mediasoup, call control, announcer) speaks its place in line and estimated wait over the
 * music, records it on the call's timeline, and the music comes back after the sentence.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rms } from "@/media/rtp/tone";
import type { Database } from "@/db/client";
import { openMigrated, testDrivers } from "@/test/databases";
import { makeTenant, testDeps, unique } from "@/test/factories";
import { startBaresip } from "@/test/peers/baresip";
import { parseEnv } from "../env";
import { espeakSpeech } from "../ivr/speech";
import * as calls from "../services/calls";
import * as numbers from "../services/numbers";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import * as trunks from "../services/trunks";
import { trunkCreate } from "../services/trunks/schemas";
import { type Telephony, startTelephony } from "./telephony";

const SENTENCE = "You are next in line. Your estimated wait time is about 3 minutes.";
const RATE = 8000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Best normalized correlation of `needle` anywhere in `hay`, and where. */
function bestMatch(hay: Int16Array, needle: Int16Array, from = 0, to = hay.length - needle.length): { score: number; at: number } {
  let needleEnergy = 0;
  for (const v of needle) needleEnergy += v * v;
  let best = { score: 0, at: -1 };
  for (let at = Math.max(0, from); at <= Math.min(to, hay.length - needle.length); at++) {
    let dot = 0;
    let energy = 0;
    for (let i = 0; i < needle.length; i++) {
      const h = hay[at + i] as number;
      dot += h * (needle[i] as number);
      energy += h * h;
    }
    const score = energy > 0 ? dot / Math.sqrt(energy * needleEnergy) : 0;
    if (score > best.score) best = { score, at };
  }
  return best;
}

/** The loudest half second of the sentence (voiced speech, not a pause). */
function loudestWindow(pcm: Int16Array, len: number): { offset: number; pcm: Int16Array } {
  let best = { offset: 0, energy: -1 };
  for (let offset = 0; offset + len <= pcm.length; offset += 400) {
    const e = rms(pcm.subarray(offset, offset + len));
    if (e > best.energy) best = { offset, energy: e };
  }
  return { offset: best.offset, pcm: pcm.subarray(best.offset, best.offset + len) };
}

describe("queue announcements on a live call", () => {
  let database: Database;
  let telephony: Telephony;
  let dataDir: string;
  const deps = () => testDeps(database.db);

  beforeAll(async () => {
    database = await openMigrated(testDrivers[0] as (typeof testDrivers)[number]);
    dataDir = mkdtempSync(join(tmpdir(), "hotline-announcer-"));
    const env = parseEnv({ DATA_DIR: dataDir, SIP_HOST: "127.0.0.1", SIP_PORT: "0", RTC_MIN_PORT: "46000", RTC_MAX_PORT: "46999", MEDIA_WORKERS: "1" });
    telephony = await startTelephony(deps(), env, () => {});
  });
  afterAll(async () => {
    await telephony?.close();
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("tells a waiting caller their place and wait instead of the music, then plays the music again", async () => {
    const d = deps();
    const { ctx } = await makeTenant(d);
    const queue = await queues.create({ ctx, input: queueCreate.parse({ name: unique("Support"), announceEverySec: 15 }) });
    await trunks.create({ ctx, input: trunkCreate.parse({ name: "Loopback", inboundAddresses: ["127.0.0.1"] }) });
    const number = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    await numbers.create({ ctx, input: { number, destination: { type: "queue", id: queue.id } } });
    const expected = await espeakSpeech({ cacheDir: join(resolve(dataDir), "prompts") }).synthesize(SENTENCE);

    const caller = await startBaresip({ toneHz: 1000 });
    try {
      await caller.dial(`sip:${number}@127.0.0.1:${telephony.gateway.port}`);
      await caller.waitFor("CALL_ESTABLISHED", 10_000);
      const established = Date.now();
      let callId = "";
      await expect
        .poll(async () => {
          const [row] = await calls.list({ ctx, input: { limit: 1 } });
          callId = row?.id ?? "";
          return row?.state;
        }, { timeout: 5000 })
        .toBe("queued");
      await sleep(1500); // music first

      // 16 s on the announcer's clock: the call is due (every 15 s since it entered the queue).
      const announcedAt = Date.now();
      await telephony.announcer.tick(new Date(announcedAt + 16_000));
      await telephony.announcer.idle(); // the sentence played out
      const spokenMs = Date.now() - announcedAt;
      await sleep(1500); // music again
      // Not due again on the real clock: one announcement only.
      await telephony.announcer.tick();
      await caller.hangup();
      await caller.waitFor("CALL_CLOSED", 5000);

      const record = await calls.get({ ctx, input: { id: callId } });
      expect(record.events.filter((e) => e.type === "announcement").map((e) => e.data)).toEqual([
        { queueId: queue.id, position: 1, estimatedWaitSec: 180 },
      ]);
      expect(spokenMs).toBeGreaterThan((expected.length / RATE) * 1000 - 300);

      const heard = caller.heard();
      const snippet = loudestWindow(expected, RATE / 2);
      // Where the announcement began in what the caller heard (the dump starts at the answer).
      const around = Math.round(((announcedAt - established) / 1000) * RATE);
      const match = bestMatch(heard, snippet.pcm, around + snippet.offset - RATE, around + snippet.offset + 2 * RATE);
      expect(match.score, "the caller heard the sentence itself, not music over it").toBeGreaterThan(0.9);
      const start = match.at - snippet.offset;
      const end = start + expected.length;
      const before = heard.subarray(Math.max(0, start - RATE), start - RATE / 10);
      const after = heard.subarray(end + RATE / 5, end + RATE);
      expect(rms(before), "music before the sentence").toBeGreaterThan(0.02);
      expect(rms(after), "music after the sentence").toBeGreaterThan(0.02);
      expect(bestMatch(before, snippet.pcm.subarray(0, RATE / 4)).score).toBeLessThan(0.5);
      expect(bestMatch(after, snippet.pcm.subarray(0, RATE / 4)).score).toBeLessThan(0.5);
    } finally {
      await caller.close();
    }
  }, 30_000);
});
