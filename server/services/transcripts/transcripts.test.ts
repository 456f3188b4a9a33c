import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transcripts as transcriptsTable, webhookDeliveries } from "@/db/schema";
import { WavWriter } from "@/media/rtp/wav";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueuedCall, makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import { pocketsphinx } from "../../transcription/pocketsphinx";
import type { SpeechToText } from "../../transcription/provider";
import { phoneSpeech } from "../../transcription/speech-fixtures";
import { transcribeDue } from "../../transcription/worker";
import * as calls from "../calls";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as recordings from "../recordings";
import { recordingPaths } from "../recordings/internal";
import * as settings from "../settings";
import * as webhooks from "../webhooks";
import { webhookCreate } from "../webhooks/schemas";
import * as transcripts from ".";

/** A provider that says `lines` (one segment per line, a second apart), or fails as told. */
function scripted(lines: string[], fail?: () => Error): SpeechToText & { calls: number } {
  const stt = {
    name: "scripted",
    language: null,
    calls: 0,
    async transcribe() {
      stt.calls++;
      if (fail) throw fail();
      return lines.map((text, i) => ({ startMs: i * 1000, endMs: i * 1000 + 900, text }));
    },
  };
  return stt;
}

/** A stereo call recording: the caller's clip from 0.5 s, the agent's from 4 s. */
function writeRecording(deps: Deps, tenantId: string, callId: string) {
  const caller = phoneSpeech("goForward");
  const agent = phoneSpeech("youngMan");
  const frames = 4 * 8000 + agent.length + 4000;
  const lr = new Int16Array(frames * 2);
  caller.forEach((v, i) => (lr[2 * (4000 + i)] = v));
  agent.forEach((v, i) => (lr[2 * (32000 + i) + 1] = v));
  const w = new WavWriter(recordingPaths(deps, tenantId, callId).plain, 2, 8000);
  w.write(lr);
  w.close();
  return (frames / 8000) * 1000;
}

describe.each(testDrivers)("call transcripts on $name", (driver) => {
  let base: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps: base } = opened));

  /** A tenant (transcription on unless told), an ended call, its recording stored. */
  async function recordedCall(stt: SpeechToText | null, opts: { enabled?: boolean } = {}) {
    let kicked = 0;
    const deps: Deps = { ...base, speechToText: stt, kickTranscription: () => kicked++ };
    const admin = await makeTenant(deps, "stt");
    const ctx: Ctx = { ...admin.ctx, deps };
    if (opts.enabled !== false) await settings.update({ ctx, input: { transcriptionEnabled: true } });
    const sys: Ctx = { deps, tenantId: ctx.tenantId, actor: { kind: "system", role: "admin" } };
    const queue = await queues.create({ ctx, input: queueCreate.parse({ name: "Support" }) });
    const call = await makeQueuedCall(sys, queue.id, "+14155550199");
    await calls.end({ ctx: sys, input: { callId: call.id, reason: "caller_hangup" } });
    const durationMs = writeRecording(deps, ctx.tenantId, call.id);
    await recordings.store({ ctx: sys, input: { callId: call.id, durationMs } });
    return { deps, ctx, sys, call, kicked: () => kicked, only: { tenantId: ctx.tenantId } };
  }

  it("transcribes both sides of a recorded call with the real engine, in the order they spoke", async () => {
    const stt = pocketsphinx({ niceness: 0 });
    const { deps, ctx, call, kicked, only } = await recordedCall(stt);
    expect(kicked()).toBe(1);
    expect(await transcripts.get({ ctx, input: { callId: call.id } })).toMatchObject({ status: "queued", attempts: 0, segments: [] });
    expect(await transcribeDue(deps, stt, { only })).toBe(true);
    const done = await transcripts.get({ ctx, input: { callId: call.id } });
    expect(done).toMatchObject({ status: "done", provider: "pocketsphinx", language: "en-US", attempts: 1, error: null, maskedCount: 0 });
    expect(done.segments.map((s) => s.speaker)).toEqual(["caller", "agent"]);
    const [caller, agent] = done.segments as [(typeof done.segments)[number], (typeof done.segments)[number]];
    expect(caller.text).toBe("go forward ten meters");
    expect(agent.text).toMatch(/young man$/);
    // Timed from the start of the call: the caller spoke from 0.5 s, the agent from 4 s.
    expect(caller.startMs).toBeGreaterThanOrEqual(500);
    expect(caller.endMs).toBeLessThan(4000);
    expect(agent.startMs).toBeGreaterThanOrEqual(4000);
    const record = await calls.get({ ctx, input: { id: call.id } });
    expect(record.events.filter((e) => e.type === "transcribed").map((e) => e.data)).toEqual([{ segments: 2, masked: 0 }]);
    // Nothing left to do for this tenant.
    expect(await transcribeDue(deps, stt, { only })).toBe(false);
   }, 180_000);

  it("masks cards, numbers and e-mail addresses before anything is stored or sent", async () => {
    const stt = scripted(["my card is four one one one two two two two", "mail me at jo@example.com", "thanks"]);
    const { deps, ctx, call, only } = await recordedCall(stt);
    const hook = await webhooks.create({ ctx, input: webhookCreate.parse({ url: "https://crm.example.test/in", events: ["call.transcribed"] }) });
    await transcribeDue(deps, stt, { only });
    const done = await transcripts.get({ ctx, input: { callId: call.id } });
    expect(done.maskedCount).toBe(4);
    expect(done.segments.filter((s) => s.speaker === "caller").map((s) => s.text)).toEqual(["my card is [number]", "mail me at [email]", "thanks"]);
    const [row] = await deps.db.select().from(transcriptsTable).where(eq(transcriptsTable.callId, call.id));
    expect(JSON.stringify(row)).not.toMatch(/four one|jo@example/);
    // Subscribed webhooks get the masked transcript.
    const sent = await deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(sent.map((d) => [d.eventType, (d.payload as { data: { callId: string; segments: unknown[] } }).data.callId])).toEqual([["call.transcribed", call.id]]);
    expect(JSON.stringify(sent[0]?.payload)).toContain("my card is [number]");
    expect(JSON.stringify(sent[0]?.payload)).not.toMatch(/four one|jo@example/);
  });

  it("retries a failing engine twice, then gives up with the reason; a stop is not an attempt", async () => {
    const stt = scripted([], () => new Error("engine crashed"));
    const { deps, ctx, call, only } = await recordedCall(stt);
    const stopped = new AbortController();
    stopped.abort();
    await transcribeDue(deps, stt, { only, signal: stopped.signal });
    expect(await transcripts.get({ ctx, input: { callId: call.id } })).toMatchObject({ status: "queued", attempts: 0 });
    await transcribeDue(deps, stt, { only, retryMs: [0, 0] });
    expect(await transcripts.get({ ctx, input: { callId: call.id } })).toMatchObject({ status: "queued", attempts: 1, error: "engine crashed" });
    await transcribeDue(deps, stt, { only, retryMs: [0, 0] });
    await transcribeDue(deps, stt, { only, retryMs: [0, 0] });
    expect(await transcripts.get({ ctx, input: { callId: call.id } })).toMatchObject({ status: "failed", attempts: 3, error: "engine crashed" });
    expect(await transcribeDue(deps, stt, { only, retryMs: [0, 0] })).toBe(false);
    expect(stt.calls).toBe(4);
    // A supervisor can ask again: from scratch.
    expect(await transcripts.request({ ctx, input: { callId: call.id } })).toMatchObject({ status: "queued", attempts: 0, error: null });
  });

  it("takes over a job whose node stopped mid-way once its lease is over", async () => {
    const stt = scripted(["hello"]);
    const { deps, ctx, call, only } = await recordedCall(stt);
    // A node claimed it and died: running, its lease over.
    await deps.db.update(transcriptsTable).set({ status: "running", attempts: 1, nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(transcriptsTable.callId, call.id));
    expect(await transcribeDue(deps, stt, { only })).toBe(true);
    expect(await transcripts.get({ ctx, input: { callId: call.id } })).toMatchObject({ status: "done", attempts: 2 });
    // One whose lease still runs is left alone.
    await deps.db.update(transcriptsTable).set({ status: "running", nextAttemptAt: new Date(Date.now() + 60_000) }).where(eq(transcriptsTable.callId, call.id));
    expect(await transcribeDue(deps, stt, { only })).toBe(false);
  });

  it("fails clearly when the recording is gone, and queues nothing for tenants with transcription off", async () => {
    const stt = scripted(["hello"]);
    const gone = await recordedCall(stt);
    await gone.deps.db.update((await import("@/db/schema")).calls).set({ recordingPath: null }).where(eq((await import("@/db/schema")).calls.id, gone.call.id));
    await transcribeDue(gone.deps, stt, { only: gone.only });
    expect(await transcripts.get({ ctx: gone.ctx, input: { callId: gone.call.id } })).toMatchObject({ status: "failed", attempts: 1, error: "The call's recording was deleted before it could be transcribed" });
    expect(stt.calls).toBe(0);

    const off = await recordedCall(stt, { enabled: false });
    expect(off.kicked()).toBe(0);
    await expect(transcripts.get({ ctx: off.ctx, input: { callId: off.call.id } })).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/transcription was off for your organization/) });
    // The 404 says why: the organization has it on, but this server has no engine.
    await settings.update({ ctx: off.ctx, input: { transcriptionEnabled: true } });
    await expect(transcripts.get({ ctx: { ...off.ctx, deps: { ...off.deps, speechToText: null } }, input: { callId: off.call.id } })).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/no speech-to-text engine/) });
    await settings.update({ ctx: off.ctx, input: { transcriptionEnabled: false } });
    // On demand it works even so; twice in a row is refused while the first is on its way.
    expect(await transcripts.request({ ctx: off.ctx, input: { callId: off.call.id } })).toMatchObject({ status: "queued" });
    await expect(transcripts.request({ ctx: off.ctx, input: { callId: off.call.id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses what cannot work: no engine here, no recording; another tenant's call is not found", async () => {
    const stt = scripted(["hello"]);
    const { deps, ctx, sys, call } = await recordedCall(stt);
    const noEngine: Ctx = { ...ctx, deps: { ...deps, speechToText: null } };
    await expect(settings.update({ ctx: noEngine, input: { transcriptionEnabled: true } })).rejects.toMatchObject({ code: "conflict" });
    await expect(transcripts.request({ ctx: noEngine, input: { callId: call.id } })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/TRANSCRIPTION/) });
    expect((await settings.get({ ctx: noEngine })).transcriptionProvider).toBeNull();
    expect(await settings.get({ ctx })).toMatchObject({ transcriptionEnabled: true, transcriptionProvider: "scripted" });

    const queue = await queues.create({ ctx, input: queueCreate.parse({ name: "Sales" }) });
    const live = await makeQueuedCall(sys, queue.id);
    await expect(transcripts.request({ ctx, input: { callId: live.id } })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/no recording/) });
    await expect(transcripts.get({ ctx, input: { callId: live.id } })).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/it was not recorded/) });

    const other = await makeTenant(deps, "other");
    await expect(transcripts.get({ ctx: other.ctx, input: { callId: call.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(transcripts.request({ ctx: { ...other.ctx, deps }, input: { callId: call.id } })).rejects.toMatchObject({ code: "not_found" });
  });
});
