/**
 * Queue announcements on this node: every second, each caller waiting in a queue that announces
 * (and due: `announceEverySec` since entering the queue or since the last announcement) hears
 * their place in line and estimated wait instead of the music, then the music again. While it
 * speaks, the call's `stopMusic` stops the sentence, so an agent who answers is not talked over.
 */
import { loadWaitingAnnouncements } from "../acd/wait-edge";
import { announcementDue, announcementText } from "../acd/wait-estimate";
import { type Deps, systemCtx } from "../context";
import type { SpeechProvider } from "../ivr/speech";
import { recordAnnouncement } from "../services/calls/record-announcement";
import type { LiveCallEntry, LiveCalls } from "./live-calls";
import type { MediaTools } from "./ports";

export interface AnnouncerDeps {
  deps: Deps;
  live: LiveCalls;
  tools: Pick<MediaTools, "play" | "playMusic">;
  speech: SpeechProvider;
  log: (msg: string, e?: unknown) => void;
  /** How often to look for due calls; 0: only when `tick` is called (tests). */
  intervalMs?: number;
  load?: typeof loadWaitingAnnouncements;
  record?: typeof recordAnnouncement;
}

export interface Announcer {
  /** One look at this node's waiting calls as of `now` (default: the clock). */
  tick(now?: Date): Promise<void>;
  /** Resolves when no announcement is playing (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Slot = { stop: () => void; done: Promise<void> };
type Spoken = { callId: string; position: number; estimatedWaitSec: number };

/** A caller on this node who is waiting with music (not with an agent, not leaving a message). */
const waitingWithMusic = (e: LiveCallEntry): e is LiveCallEntry & { callerLegId: string } =>
  Boolean(e.callerLegId && !e.agent && !e.voicemail && !e.outbound && e.stopMusic);

export function startAnnouncer(a: AnnouncerDeps): Announcer {
  const load = a.load ?? loadWaitingAnnouncements;
  const record = a.record ?? recordAnnouncement;
  /** Calls being announced to (from the look that found them due until the music is back). */
  const speaking = new Map<string, Slot>();
  /** When each call was last tried here: a failed try (no speech, no media) waits its turn too. */
  const tried = new Map<string, number>();
  let closed = false;
  let ticking: Promise<void> = Promise.resolve();

  async function look(now: Date): Promise<void> {
    const byTenant = new Map<string, Map<string, LiveCallEntry>>();
    for (const callId of tried.keys()) if (!a.live.get(callId)) tried.delete(callId);
    for (const e of a.live.all()) {
      if (!waitingWithMusic(e) || speaking.has(e.callId)) continue;
      const mine = byTenant.get(e.tenantId) ?? new Map<string, LiveCallEntry>();
      byTenant.set(e.tenantId, mine.set(e.callId, e));
    }
    for (const [tenantId, mine] of byTenant) {
      try {
        const due = await load(a.deps.db, tenantId, now, {
          only: (p) =>
            mine.has(p.callId) &&
            p.queue.everySec !== null &&
            announcementDue({ ...p, lastAnnouncedAt: Math.max(p.lastAnnouncedAt ?? 0, tried.get(p.callId) ?? 0), everySec: p.queue.everySec }, now.getTime()),
        });
        for (const d of due) {
          const entry = mine.get(d.callId);
          const text = announcementText(d, d.queue);
          if (!entry || !text || closed || speaking.has(d.callId)) continue;
          tried.set(d.callId, now.getTime());
          start(entry, text, d);
        }
      } catch (e) {
        a.log(`announcements of tenant ${tenantId} failed`, e);
      }
    }
  }

  function start(entry: LiveCallEntry, text: string, d: Spoken) {
    const slot: Slot = { stop: () => undefined, done: Promise.resolve() };
    speaking.set(entry.callId, slot);
    slot.done = announce(entry, text, d, slot)
      .catch((e: unknown) => a.log(`announcement for call ${d.callId} failed`, e))
      .finally(() => {
        if (speaking.get(entry.callId) === slot) speaking.delete(entry.callId);
      });
  }

  async function announce(entry: LiveCallEntry, text: string, d: Spoken, slot: Slot) {
    const pcm = await a.speech.synthesize(text); // cached: the same few sentences come back
    const legId = entry.callerLegId;
    // Answered, ended, gone to voicemail or already silenced while we looked: say nothing.
    if (closed || !legId || a.live.get(entry.callId) !== entry || !waitingWithMusic(entry)) return;
    const playback = a.tools.play(entry.callId, legId, pcm);
    entry.stopMusic?.();
    const stopSpeaking = () => playback.stop();
    entry.stopMusic = stopSpeaking; // an answer (or hold, voicemail, hang-up) stops the sentence too
    slot.stop = stopSpeaking;
    await record({ ctx: systemCtx(a.deps, entry.tenantId), input: { callId: d.callId, position: d.position, estimatedWaitSec: d.estimatedWaitSec } }).catch(
      (e: unknown) => a.log(`recording the announcement of call ${d.callId} failed`, e),
    );
    await playback.done;
    // Music again, unless the call was answered, ended or left the queue meanwhile, or someone
    // else took over what the caller hears.
    if (closed || a.live.get(entry.callId) !== entry || entry.agent || entry.voicemail || entry.stopMusic !== stopSpeaking) return;
    entry.stopMusic = a.tools.playMusic(entry.callId, legId);
  }

  function tick(now?: Date): Promise<void> {
    ticking = ticking.then(() => (closed ? undefined : look(now ?? a.deps.now()))).catch((e: unknown) => a.log("announcements failed", e));
    return ticking;
  }

  let busy = false;
  const timer =
    a.intervalMs === 0
      ? null
      : setInterval(() => {
          if (busy) return;
          busy = true;
          void tick().finally(() => (busy = false));
        }, a.intervalMs ?? 1000);
  timer?.unref();

  return {
    tick,
    async idle() {
      while (speaking.size > 0) await Promise.allSettled([...speaking.values()].map((s) => s.done));
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await ticking;
      for (const s of speaking.values()) s.stop();
      await Promise.allSettled([...speaking.values()].map((s) => s.done));
    },
  };
}
