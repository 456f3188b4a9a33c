/** The announcer's choices over fake media and data: who is announced, what stops it, when music comes back. */
import { afterEach, describe, expect, it } from "vitest";
import type { Deps } from "../context";
import type { WaitingAnnouncement } from "../acd/wait-edge";
import { type Announcer, startAnnouncer } from "./announcer";
import { type LiveCallEntry, LiveCalls } from "./live-calls";

const NOW = new Date("2026-03-02T10:00:00Z");
const clock = { now: NOW };

/** Records what the caller's leg was given: music, sentences and their stops. */
function fakeMedia() {
  const log: string[] = [];
  const plays: Array<{ pcm: Int16Array; finish(): void }> = [];
  return {
    log,
    plays,
    tools: {
      playMusic(callId: string, legId: string) {
        log.push(`music ${callId}/${legId}`);
        return () => log.push(`music stopped ${callId}`);
      },
      play(callId: string, _legId: string, pcm: Int16Array) {
        let finish!: () => void;
        const done = new Promise<void>((r) => (finish = r));
        log.push(`play ${callId} ${pcm.length}`);
        plays.push({ pcm, finish });
        return { done, stop: () => (log.push(`play stopped ${callId}`), finish()) };
      },
    },
  };
}

const due = (callId: string, extra: Partial<WaitingAnnouncement> = {}): WaitingAnnouncement => ({
  callId,
  queueId: "q",
  position: 2,
  enteredAt: NOW.getTime() - 60_000,
  lastAnnouncedAt: null,
  queue: { everySec: 30, position: true, waitTime: true },
  averageHandleSec: 180,
  agents: 1,
  estimatedWaitSec: 360,
  ...extra,
});

let announcer: Announcer | undefined;
const errors: string[] = [];
afterEach(async () => {
  clock.now = NOW;
  await announcer?.close();
  announcer = undefined;
  expect(errors.splice(0)).toEqual([]);
});

function setup(rows: WaitingAnnouncement[], opts: { whileSynthesizing?: () => void; speechFails?: boolean } = {}) {
  const live = new LiveCalls();
  const media = fakeMedia();
  const spoken: string[] = [];
  const recorded: Array<{ callId: string; position: number; estimatedWaitSec: number }> = [];
  const asked: Array<{ tenantId: string; offered: string[] }> = [];
  const entry = (callId: string, extra: Partial<LiveCallEntry> = {}): LiveCallEntry => {
    const e: LiveCallEntry = { callId, tenantId: "t1", destination: { type: "queue", id: "q" }, fromNumber: "+14155550100", callerLegId: `leg-${callId}`, ...extra };
    if (!("stopMusic" in extra)) e.stopMusic = media.tools.playMusic(callId, e.callerLegId ?? "");
    live.add(e);
    return e;
  };
  announcer = startAnnouncer({
    deps: { db: {}, now: () => clock.now } as unknown as Deps,
    live,
    tools: media.tools,
    speech: {
      synthesize: (text) => {
        spoken.push(text);
        opts.whileSynthesizing?.();
        if (opts.speechFails) return Promise.reject(new Error("espeak-ng failed"));
        return Promise.resolve(new Int16Array(text.length));
      },
    },
    log: (msg, e) => errors.push(`${msg}: ${String(e)}`),
    intervalMs: 0,
    load: (_db, tenantId, now, opts) => {
      // The edge is asked only about this node's waiting calls that are due.
      const offered = rows.filter((r) => opts?.only?.(r) ?? true);
      asked.push({ tenantId, offered: offered.map((r) => r.callId) });
      expect(now).toEqual(clock.now);
      return Promise.resolve(offered);
    },
    record: ({ input }) => {
      recorded.push(input);
      return Promise.resolve();
    },
  });
  return { live, media, spoken, recorded, asked, entry, announcer };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("the announcer", () => {
  it("speaks the sentence instead of the music, records it, then plays the music again", async () => {
    const s = setup([due("c1")]);
    const e = s.entry("c1");
    s.media.log.length = 0;
    await s.announcer.tick();
    await flush();
    expect(s.spoken).toEqual(["You are caller number 2 in line. Your estimated wait time is about 6 minutes."]);
    expect(s.recorded).toEqual([{ callId: "c1", position: 2, estimatedWaitSec: 360 }]);
    expect(s.media.log).toEqual([`play c1 ${s.spoken[0]?.length}`, "music stopped c1"]);
    s.media.plays[0]?.finish();
    await s.announcer.idle();
    expect(s.media.log.at(-1)).toBe("music c1/leg-c1");
    // The music is the entry's again: stopping it (an answer) stops the music.
    e.stopMusic?.();
    expect(s.media.log.at(-1)).toBe("music stopped c1");
  });

  it("lets the call's stopMusic cut the sentence short, and then plays no music (an agent answered)", async () => {
    const s = setup([due("c1")]);
    const e = s.entry("c1");
    await s.announcer.tick();
    await flush();
    // What call control does when an agent answers: the agent, then silence.
    e.agent = { userId: "u1", leg: null, pending: null };
    e.stopMusic?.();
    e.stopMusic = undefined;
    await s.announcer.idle();
    expect(s.media.log.slice(-2)).toEqual(["music stopped c1", "play stopped c1"]);
    expect(s.media.log.filter((l) => l.startsWith("music c1"))).toHaveLength(1); // only the first
  });

  it("does not take the music back from whoever replaced it meanwhile (hold, transfer)", async () => {
    const s = setup([due("c1")]);
    const e = s.entry("c1");
    await s.announcer.tick();
    await flush();
    e.stopMusic?.();
    e.stopMusic = s.media.tools.playMusic("c1", "other");
    await s.announcer.idle();
    expect(s.media.log.filter((l) => l.startsWith("music c1"))).toEqual(["music c1/leg-c1", "music c1/other"]);
  });

  it("plays no music once the call ended during the sentence", async () => {
    const s = setup([due("c1")]);
    s.entry("c1");
    await s.announcer.tick();
    await flush();
    s.live.remove("c1")?.stopMusic?.();
    await s.announcer.idle();
    expect(s.media.log.filter((l) => l.startsWith("music c1"))).toHaveLength(1);
  });

  it("says nothing when the call was answered while the sentence was being made", async () => {
    const answered = { current: undefined as LiveCallEntry | undefined };
    const s = setup([due("c1")], { whileSynthesizing: () => answered.current && (answered.current.agent = { userId: "u1", leg: null, pending: null }) });
    answered.current = s.entry("c1");
    await s.announcer.tick();
    await s.announcer.idle();
    expect(s.spoken).toHaveLength(1);
    expect(s.media.plays).toHaveLength(0);
    expect(s.recorded).toHaveLength(0);
  });

  it("asks only about waiting callers with music on this node, and only the due ones", async () => {
    const s = setup([
      due("waiting"),
      due("not-yet", { enteredAt: NOW.getTime() - 10_000 }),
      due("announced", { lastAnnouncedAt: NOW.getTime() - 20_000 }),
      due("other-node"),
      due("answered"),
      due("voicemail"),
      due("ringing"),
    ]);
    s.entry("waiting");
    s.entry("not-yet");
    s.entry("announced");
    s.entry("answered", { agent: { userId: "u1", leg: null, pending: null } });
    s.entry("voicemail", { voicemail: true, stopMusic: undefined });
    s.entry("ringing", { callerLegId: undefined, stopMusic: undefined });
    await s.announcer.tick();
    expect(s.asked).toEqual([{ tenantId: "t1", offered: ["waiting"] }]);
    // A second look while the first sentence plays does not start another.
    await s.announcer.tick();
    expect(s.media.plays).toHaveLength(1);
  });

  it("speaks only the parts the queue switched on, and nothing when there is nothing to say", async () => {
    const s = setup([due("pos", { position: 1, queue: { everySec: 30, position: true, waitTime: false } }), due("none", { queue: { everySec: 30, position: false, waitTime: false } })]);
    s.entry("pos");
    s.entry("none");
    await s.announcer.tick();
    expect(s.spoken).toEqual(["You are next in line."]);
  });

  it("after a failed try (no speech), tries that call again only when its interval has passed", async () => {
    const s = setup([due("c1")], { speechFails: true });
    s.entry("c1");
    await s.announcer.tick();
    await s.announcer.idle();
    expect(errors.splice(0)).toEqual([expect.stringContaining("announcement for call c1 failed")]);
    clock.now = new Date(NOW.getTime() + 29_000);
    await s.announcer.tick();
    await s.announcer.idle();
    expect(s.spoken).toHaveLength(1);
    expect(s.asked.at(-1)?.offered).toEqual([]);
    clock.now = new Date(NOW.getTime() + 30_000);
    await s.announcer.tick();
    await s.announcer.idle();
    expect(s.spoken).toHaveLength(2);
    expect(errors.splice(0)).toHaveLength(1);
    // The music was never touched.
    expect(s.media.plays).toHaveLength(0);
    expect(s.media.log).toEqual(["music c1/leg-c1"]);
  });

  it("stops the sentence on close and leaves the music off", async () => {
    const s = setup([due("c1")]);
    s.entry("c1");
    await s.announcer.tick();
    await flush();
    await s.announcer.close();
    expect(s.media.log.slice(-1)).toEqual(["play stopped c1"]);
    announcer = undefined;
  });
});
