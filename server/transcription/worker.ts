/**
 * The transcription job: after a recorded call, each side of its recording (left: caller,
 * right: agent) goes through the speech-to-text provider, the text is masked (privacy/mask.ts)
 * and only then stored. The `transcripts` row is the job: a node claims it by moving its due
 * time past a lease (SKIP LOCKED, so two nodes never take the same call), and a node that stops
 * or dies leaves it due again. One call at a time per node, at a lower CPU priority than calls.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { parseWav, type Wav } from "@/media/rtp/wav";
import { transcripts, type TranscriptSegment } from "@/db/schema";
import { type Deps, inTransaction, systemCtx } from "../context";
import { isAppError } from "../errors";
import { startRounds } from "../jobs/rounds";
import { logError } from "../log";
import { maskForLog, maskPii } from "../privacy/mask";
import { noteOnCall } from "../services/calls/internal";
import { toTranscriptOut } from "../services/transcripts/internal";
import { emitEvent } from "../webhooks/emit";
import { open } from "../services/recordings/open";
import type { SpeechToText } from "./provider";

/** Waits after failed attempts 1 and 2; a third failure gives the transcript up (`failed`). */
export const RETRY_MS = [30_000, 300_000] as const;
const LEASE_MS = 900_000;

export interface TranscriptionOptions {
  /** How long a claimed job is this node's before another may take it (at least 15 min, or 3x the audio). */
  leaseMs?: number;
  retryMs?: readonly number[];
  /** Only this tenant's jobs (tests sharing a database). */
  only?: { tenantId: string };
  signal?: AbortSignal;
}

type Job = { callId: string; tenantId: string; attempts: number };

async function claim(deps: Deps, opts: TranscriptionOptions): Promise<Job | undefined> {
  const now = deps.now();
  const due = deps.db
    .select({ callId: transcripts.callId })
    .from(transcripts)
    .where(and(inArray(transcripts.status, ["queued", "running"]), lte(transcripts.nextAttemptAt, now), opts.only ? eq(transcripts.tenantId, opts.only.tenantId) : undefined))
    .orderBy(asc(transcripts.nextAttemptAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [job] = await deps.db
    .update(transcripts)
    .set({ status: "running", attempts: sql`${transcripts.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + (opts.leaseMs ?? LEASE_MS)), updatedAt: now })
    .where(inArray(transcripts.callId, due))
    .returning({ callId: transcripts.callId, tenantId: transcripts.tenantId, attempts: transcripts.attempts });
  return job;
}

/** Changes the job only if it is still the one this node claimed (its lease may have passed to another). */
const settle = (db: Executor, job: Job, set: Partial<typeof transcripts.$inferInsert> & { updatedAt: Date }) =>
  db
    .update(transcripts)
    .set(set)
    .where(and(eq(transcripts.callId, job.callId), eq(transcripts.status, "running"), eq(transcripts.attempts, job.attempts)))
    .returning();

/** The recording, decrypted (read a chunk at a time, asynchronously: other work runs between chunks). */
const readRecording = (deps: Deps, job: Job) => open({ ctx: systemCtx(deps, job.tenantId), input: { id: job.callId } });

/** Both sides' utterances, masked, in the order they were said. */
async function transcribe(stt: SpeechToText, audio: Wav, signal: AbortSignal | undefined) {
  const speakers = (["caller", "agent"] as const).slice(0, audio.channels);
  const segments: TranscriptSegment[] = [];
  let maskedCount = 0;
  for (const [i, speaker] of speakers.entries()) {
    const spoken = await stt.transcribe({ pcm: audio.data[i] as Int16Array, sampleRate: audio.sampleRate }, { signal });
    for (const s of spoken) {
      const masked = maskPii(s.text, "transcript");
      maskedCount += masked.count;
      segments.push({ speaker, startMs: s.startMs, endMs: s.endMs, text: masked.text });
    }
  }
  segments.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return { segments, maskedCount };
}

/** Takes one due job and does it. Returns whether there was one. */
export async function transcribeDue(deps: Deps, stt: SpeechToText, opts: TranscriptionOptions = {}): Promise<boolean> {
  const job = await claim(deps, opts);
  if (!job) return false;
  try {
    const audio = parseWav(await readRecording(deps, job), "the recording");
    // A long call keeps the job this node's for three times its length (the engine runs well under real time).
    const seconds = ((audio.data[0]?.length ?? 0) / audio.sampleRate) * audio.channels;
    const lease = opts.leaseMs ?? LEASE_MS;
    if (seconds * 3000 > lease) await settle(deps.db, job, { nextAttemptAt: new Date(deps.now().getTime() + seconds * 3000), updatedAt: deps.now() });
    const { segments, maskedCount } = await transcribe(stt, audio, opts.signal);
    await inTransaction(systemCtx(deps, job.tenantId), async (ctx) => {
      const now = deps.now();
      const [mine] = await settle(ctx.tx, job, { status: "done", provider: stt.name, ...(stt.language ? { language: stt.language } : {}), segments, maskedCount, error: null, completedAt: now, updatedAt: now });
      if (!mine) return;
      await noteOnCall(ctx, job.callId, { type: "transcribed", data: { segments: segments.length, masked: maskedCount } });
      await emitEvent(ctx, "call.transcribed", toTranscriptOut(mine));
    });
  } catch (e) {
    if (opts.signal?.aborted) {
      // Stopping: due again at once (here after a restart, or on another node), not counted as an attempt.
      await settle(deps.db, job, { status: "queued", attempts: job.attempts - 1, nextAttemptAt: deps.now(), updatedAt: deps.now() });
      return true;
    }
    const gone = isAppError(e) && e.code === "not_found";
    const error = gone ? "The call's recording was deleted before it could be transcribed" : maskForLog((e as Error).message ?? String(e)).slice(0, 500);
    const wait = gone ? undefined : (opts.retryMs ?? RETRY_MS)[job.attempts - 1];
    const now = deps.now();
    await settle(deps.db, job, wait === undefined ? { status: "failed", error, updatedAt: now } : { status: "queued", error, nextAttemptAt: new Date(now.getTime() + wait), updatedAt: now });
    if (!gone) logError("transcription", `call ${job.callId}, attempt ${job.attempts}`, e);
  }
  return true;
}

/**
 * The loop: looks for due jobs every `intervalMs` (5 s) and right after `kick()`, and works
 * through them one at a time. `close()` stops the engine mid-job; that job is due again.
 */
export function startTranscription(deps: Deps, stt: SpeechToText, opts: TranscriptionOptions & { intervalMs?: number } = {}) {
  return startRounds({
    intervalMs: opts.intervalMs ?? 5_000,
    signal: opts.signal,
    onError: (e) => logError("transcription", "round failed", e),
    async round(signal) {
      while (!signal.aborted && (await transcribeDue(deps, stt, { ...opts, signal })));
    },
  });
}
