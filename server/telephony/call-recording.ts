/**
 * A call's recording on this node: both parties to a stereo WAV while the call runs (when the
 * tenant records calls) with live voice activity, then sealed under the tenant's key and put on
 * the record with the talk/silence figures once the call is over.
 */
import type { MediaPlane, SpeechStats } from "@/media/protocol";
import { type Ctx, type Deps, actorUserId, systemCtx } from "../context";
import { AppError } from "../errors";
import * as calls from "../services/calls";
import * as recordings from "../services/recordings";
import { recordingPaths } from "../services/recordings/internal";
import * as settings from "../services/settings";
import type { LiveCallEntry } from "./live-calls";

/** The caller's and the agents' talk time, talk-over and silence, from the media plane's tracker. */
function callStats(s: SpeechStats, callerLegId: string | undefined): Record<string, number> {
  const caller = callerLegId ? (s.legs[callerLegId]?.talkMs ?? 0) : 0;
  const agents = Object.entries(s.legs).reduce((ms, [id, leg]) => (id === callerLegId ? ms : ms + leg.talkMs), 0);
  const anyone = Math.min(s.durationMs, caller + agents - s.talkOverMs);
  return {
    durationMs: s.durationMs,
    callerTalkMs: caller,
    agentTalkMs: agents,
    talkOverMs: s.talkOverMs,
    silenceMs: Math.max(0, s.durationMs - anyone),
    agentTalkRatio: caller + agents === 0 ? 0 : +(agents / (caller + agents)).toFixed(3),
  };
}

export function createCallRecording(deps: Deps, media: MediaPlane) {
  /** Both parties to a stereo WAV while the call runs, when the tenant records calls. */
  async function startRecording(entry: LiveCallEntry) {
    const ctx = systemCtx(deps, entry.tenantId);
    const switches = await settings.get({ ctx });
    if (!switches.recordingEnabled) return;
    const call = media.getCall(entry.callId);
    if (!call || entry.recording) return;
    entry.transcribe = switches.transcriptionEnabled;
    entry.recording = call.record(recordingPaths(deps, entry.tenantId, entry.callId).plain);
    entry.speech = call.trackSpeech();
  }

  /** Recordings being sealed and attached right now: a shutdown waits for them. */
  const storing = new Set<Promise<void>>();

  /** Sealed under the tenant's key and attached to the record once the call is over. */
  function storeRecording(entry: LiveCallEntry): Promise<void> {
    const work = seal(entry);
    storing.add(work);
    const done = () => void storing.delete(work);
    work.then(done, done);
    return work;
  }

  async function seal(entry: LiveCallEntry) {
    const rec = entry.recording;
    if (!rec) return;
    entry.recording = undefined;
    const speech = entry.speech?.stop();
    entry.speech = undefined;
    const result = await rec.stop();
    const audioStats = speech ? callStats(speech, entry.callerLegId) : null;
    await recordings.store({ ctx: systemCtx(deps, entry.tenantId), input: { callId: entry.callId, durationMs: result.durationMs, pausedMs: result.pausedMs, audioStats, transcribe: entry.transcribe } });
  }

  /**
   * The agent pauses the recording while the caller reads out card digits (silence is written,
   * the call's length kept), then resumes it; each step goes on the timeline.
   */
  async function setPaused(ctx: Ctx, entry: LiveCallEntry, paused: boolean): Promise<{ paused: boolean }> {
    const rec = entry.recording;
    if (!rec) throw new AppError("conflict", "This call is not being recorded");
    if (rec.paused !== paused) {
      rec.setPaused(paused);
      await calls.noteRecordingPause({ ctx, input: { callId: entry.callId, paused, userId: actorUserId(ctx) } });
    }
    return { paused };
  }

  /** A pause never outlives the agent who made it: the recording resumes when they leave the call. */
  async function resumeAfter(entry: LiveCallEntry, reason: string): Promise<void> {
    if (!entry.recording?.paused) return;
    entry.recording.setPaused(false);
    await calls.noteRecordingPause({ ctx: systemCtx(deps, entry.tenantId), input: { callId: entry.callId, paused: false, userId: null, reason } });
  }

  /** Waits for every recording still being sealed (before the database closes). */
  async function settled(): Promise<void> {
    await Promise.allSettled([...storing]);
  }

  return { startRecording, storeRecording, setPaused, resumeAfter, settled };
}
