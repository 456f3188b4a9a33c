/**
 * Queue limits and priorities on live calls: real callers (baresip) dial this node's telephony
 * (SIP gateway, mediasoup, call control, routing). A caller who waits past the queue's maximum
 * is sent to voicemail (prompt, beep, their message recorded) or gets a callback ticket and a
 * BYE; a caller who picks the IVR's callback gets a ticket that says so; a VIP who calls after a
 * standard caller is offered first to the agent who becomes free.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dominantFrequency } from "@/media/rtp/tone";
import { parseWav } from "@/media/rtp/wav";
import type { Database } from "@/db/client";
import { openMigrated, testDrivers } from "@/test/databases";
import { makeQueueAgent, makeTenant, testDeps, unique } from "@/test/factories";
import { type Baresip, startBaresip } from "@/test/peers/baresip";
import { type Dispatcher, createDispatcher } from "../acd/dispatcher";
import type { Ctx, Deps, UserEvent } from "../context";
import { parseEnv } from "../env";
import { espeakSpeech } from "../ivr/speech";
import * as agents from "../services/agents";
import * as calls from "../services/calls";
import * as contacts from "../services/contacts";
import * as flows from "../services/flows";
import * as numbers from "../services/numbers";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import * as recordings from "../services/recordings";
import * as settings from "../services/settings";
import * as tickets from "../services/tickets";
import * as trunks from "../services/trunks";
import { trunkCreate } from "../services/trunks/schemas";
import { type Telephony, startTelephony } from "./telephony";

const RATE = 8000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const randomNumber = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
/** What call control says before the voicemail beep (call-control.ts). */
const MAX_WAIT_VOICEMAIL = "Sorry to keep you waiting. Please leave a message after the tone, and we will call you back.";
const MAX_WAIT_CALLBACK = "Sorry to keep you waiting. We have your number, and an agent will call you back as soon as possible. Goodbye.";

/** Whether `pcm` holds a steady `hz` tone for at least `ms` (consecutive 125 ms slices). */
function holdsTone(pcm: Int16Array, hz: number, ms: number): boolean {
  const slice = RATE / 8;
  let run = 0;
  for (let i = 0; i + slice <= pcm.length; i += slice) {
    const d = dominantFrequency(pcm.subarray(i, i + slice));
    run = Math.abs(d.hz - hz) <= 20 ? run + 1 : 0;
    if (run * 125 >= ms) return true;
  }
  return false;
}

describe.each(testDrivers)("queue limits on live calls on $name", (driver) => {
  let database: Database;
  let telephony: Telephony;
  let dispatcher: Dispatcher;
  let dataDir: string;
  let deps: Deps;
  let offset = 0;
  const offers: Array<{ userId: string; callId: string; fromNumber: string }> = [];
  const callers: Baresip[] = [];

  beforeAll(async () => {
    database = await openMigrated(driver);
    dataDir = mkdtempSync(join(tmpdir(), "hotline-queue-limits-"));
    // This node's own id (max wait acts on its own calls only) and a clock the tests move on.
    deps = {
      ...testDeps(database.db),
      nodeId: unique("node"),
      dataDir,
      now: () => new Date(Date.now() + offset),
      notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, callId: e.callId, fromNumber: e.fromNumber })),
    };
    dispatcher = createDispatcher(deps, { sweepMs: 3_600_000 });
    deps.kickRouting = (tenantId) => dispatcher.kick(tenantId);
    const env = parseEnv({ DATA_DIR: dataDir, SIP_HOST: "127.0.0.1", SIP_PORT: "0", RTC_MIN_PORT: "45000", RTC_MAX_PORT: "45999", MEDIA_WORKERS: "1" });
    telephony = await startTelephony(deps, env, () => {});
  });
  afterAll(async () => {
    for (const c of callers.splice(0)) await c.close();
    await telephony?.close();
    await dispatcher?.close();
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A tenant with a loopback trunk and a number that routes to `destination`. */
  async function tenantWithNumber(destination: (ctx: Ctx) => Promise<{ type: "queue" | "flow"; id: string }>) {
    const { ctx, tenant } = await makeTenant(deps);
    await trunks.create({ ctx, input: trunkCreate.parse({ name: "Loopback", inboundAddresses: ["127.0.0.1"] }) });
    const number = randomNumber();
    await numbers.create({ ctx, input: { number, destination: await destination(ctx) } });
    return { ctx, tenantId: tenant.id, number };
  }

  /** A real phone calling from `fromNumber`, its microphone a `toneHz` tone; resolves once answered. */
  async function call(number: string, fromNumber: string, toneHz = 700) {
    const caller = await startBaresip({ toneHz, user: fromNumber });
    callers.push(caller);
    await caller.dial(`sip:${number}@127.0.0.1:${telephony.gateway.port}`);
    await caller.waitFor("CALL_ESTABLISHED", 10_000);
    return caller;
  }

  /** The tenant's call from `fromNumber` once it is in `state`. */
  async function callIn(ctx: Ctx, fromNumber: string, state: string, timeout = 10_000) {
    let id = "";
    await expect
      .poll(
        async () => {
          const found = (await calls.list({ ctx, input: { limit: 20 } })).find((c) => c.fromNumber === fromNumber);
          id = found?.id ?? "";
          return found?.state;
        },
        { timeout },
      )
      .toBe(state);
    return id;
  }

  it("sends a caller who waited past the maximum to voicemail: prompt, beep, and only their message recorded", async () => {
    const { ctx, number } = await tenantWithNumber(async (ctx) => ({
      type: "queue",
      id: (await queues.create({ ctx, input: queueCreate.parse({ name: "Support", maxWaitSec: 30, maxWaitAction: "voicemail" }) })).id,
    }));
    // Recording off: the message is recorded anyway, and it is all the recording holds.
    await settings.update({ ctx, input: { recordingEnabled: false } });
    const prompt = await espeakSpeech({ cacheDir: join(resolve(dataDir), "prompts") }).synthesize(MAX_WAIT_VOICEMAIL);
    const promptMs = (prompt.length / RATE) * 1000;
    const from = randomNumber();
    const caller = await call(number, from, 700);
    const callId = await callIn(ctx, from, "queued");
    await sleep(1500);
    expect((await calls.get({ ctx, input: { id: callId } })).state, "not before the maximum wait").toBe("queued");

    offset += 31_000; // past the 30 s maximum: the next max-wait check (every second) acts
    await callIn(ctx, from, "voicemail", 5000);
    const voicemailAt = Date.now();
    await sleep(promptMs + 400 + 3000); // the prompt, the beep, then 3 s of message
    const hungUpAt = Date.now();
    await caller.hangup();
    await caller.waitFor("CALL_CLOSED", 5000);

    await expect.poll(async () => (await calls.get({ ctx, input: { id: callId } })).recording.available, { timeout: 10_000 }).toBe(true);
    const record = await calls.get({ ctx, input: { id: callId } });
    expect(record).toMatchObject({ state: "ended", endReason: "voicemail", fromNumber: from, toNumber: number, queue: { name: "Support" }, agent: null });
    const types = record.events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(["invite", "queued", "voicemail"]);
    expect(types.slice(3).sort()).toEqual(["ended", "recording_stored"]); // stored while the end is written
    expect(record.events.find((e) => e.type === "voicemail")?.data).toEqual({ why: "max_wait" });

    // The caller heard the beep after the prompt.
    const heard = caller.heard();
    expect(holdsTone(heard, 1000, 250), "the caller heard the 1 kHz beep").toBe(true);
    // The recording is the message (the caller's 700 Hz), from the beep on: not the wait or the prompt.
    const durationMs = Number(record.events.find((e) => e.type === "recording_stored")?.data.durationMs);
    expect(durationMs).toBeGreaterThan(1500);
    expect(durationMs).toBeLessThan(hungUpAt - voicemailAt - promptMs + 1000);
    const wav = parseWav(await recordings.open({ ctx, input: { id: callId } }));
    const left = wav.data[0] as Int16Array;
    expect(dominantFrequency(left.subarray(Math.floor(left.length / 2) - 2000, Math.floor(left.length / 2) + 2000)).hz).toBe(700);
  }, 60_000);

  it("hangs up on a caller who waited past the maximum with a callback ticket for their number, made once", async () => {
    const { ctx, number } = await tenantWithNumber(async (ctx) => ({
      type: "queue",
      id: (await queues.create({ ctx, input: queueCreate.parse({ name: "Billing", maxWaitSec: 120, maxWaitAction: "callback" }) })).id,
    }));
    const farewell = await espeakSpeech({ cacheDir: join(resolve(dataDir), "prompts") }).synthesize(MAX_WAIT_CALLBACK);
    const farewellMs = (farewell.length / RATE) * 1000;
    const from = randomNumber();
    const caller = await call(number, from);
    const callId = await callIn(ctx, from, "queued");
    let closedAt = 0;
    const closed = caller.waitFor("CALL_CLOSED", farewellMs + 15_000).then(() => (closedAt = Date.now()));
    offset += 121_000;
    // Out of the queue at once (the record ends, no agent can be offered it), while the caller
    // still hears why the line is about to drop.
    await expect.poll(async () => (await calls.get({ ctx, input: { id: callId } })).state, { timeout: 5000 }).toBe("ended");
    const endedAt = Date.now();
    expect(closedAt).toBe(0);
    await closed; // our BYE, after the goodbye
    expect(closedAt - endedAt).toBeGreaterThan(farewellMs * 0.8);
    await sleep(2500); // more max-wait checks run: still one ticket

    const record = await calls.get({ ctx, input: { id: callId } });
    expect(record).toMatchObject({ endReason: "callback_requested", fromNumber: from });
    // (The tenant records calls: the recording is stored beside these.)
    expect(record.events.map((e) => e.type).filter((t) => t !== "recording_stored")).toEqual(["invite", "queued", "callback_requested", "ended"]);
    const all = await tickets.list({ ctx, input: {} });
    expect(all).toHaveLength(1);
    const [contact] = await contacts.list({ ctx, input: { q: from } });
    expect(all[0]).toMatchObject({
      subject: `Call back ${from}`,
      description: `The caller waited in the Billing queue past its maximum wait (2 minutes); the queue offers a callback then, so the call ended. Call them back at ${from}.`,
      status: "open",
      priority: "high",
      callId,
      contact: { id: contact?.id },
    });
    expect(record.events.find((e) => e.type === "callback_requested")?.data).toEqual({ ticketId: all[0]?.id, why: "max_wait" });
  }, 60_000);

  it("a caller who picks the IVR's callback gets a ticket that says they chose it there", async () => {
    const { ctx, number } = await tenantWithNumber(async (ctx) => {
      const flow = await flows.create({
        ctx,
        input: { name: "Callbacks", draft: { start: "cb", nodes: [{ id: "cb", type: "callback", prompt: { kind: "tts", text: "We will call you back." } }] } },
      });
      await flows.publish({ ctx, input: { id: flow.id } });
      return { type: "flow", id: flow.id };
    });
    const from = randomNumber();
    const caller = await call(number, from);
    await caller.waitFor("CALL_CLOSED", 15_000); // after the prompt, our BYE
    const callId = await callIn(ctx, from, "ended");

    const record = await calls.get({ ctx, input: { id: callId } });
    expect(record).toMatchObject({ endReason: "callback_requested", queue: null });
    const all = await tickets.list({ ctx, input: {} });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      subject: `Call back ${from}`,
      description: `The caller chose a callback in the IVR instead of waiting for an agent. Call them back at ${from}.`,
      callId,
      contact: { name: from },
    });
    expect(record.events.find((e) => e.type === "callback_requested")?.data).toEqual({ ticketId: all[0]?.id, why: "ivr" });
  }, 60_000);

  it("offers a VIP caller who called after a standard caller first to the agent who becomes free", async () => {
    let queueId = "";
    const { ctx, tenantId, number } = await tenantWithNumber(async (ctx) => {
      queueId = (await queues.create({ ctx, input: queueCreate.parse({ name: "Support" }) })).id;
      return { type: "queue", id: queueId };
    });
    const agent = await makeQueueAgent(deps, tenantId, queueId, "Agent");
    const regular = randomNumber();
    const vip = randomNumber();
    await contacts.create({ ctx, input: { name: "Regular Rita", phone: regular, email: null, tier: "standard", notes: "" } });
    await contacts.create({ ctx, input: { name: "Vip Victor", phone: vip, email: null, tier: "vip", notes: "" } });

    const first = await call(number, regular);
    const regularCall = await callIn(ctx, regular, "queued");
    const second = await call(number, vip);
    const vipCall = await callIn(ctx, vip, "queued");
    await agents.setState({ ctx: agent, input: { state: "available" } }); // routing runs at once
    const userId = agent.actor.kind === "user" ? agent.actor.userId : "";
    await expect.poll(() => offers.filter((o) => o.userId === userId).map((o) => [o.callId, o.fromNumber]), { timeout: 5000 }).toEqual([[vipCall, vip]]);
    expect((await calls.get({ ctx, input: { id: regularCall } })).state).toBe("queued");
    for (const c of [first, second]) {
      await c.hangup();
      await c.waitFor("CALL_CLOSED", 5000);
    }
    // Both records are finished (ended, recording attached) before the node stops.
    for (const id of [regularCall, vipCall]) await expect.poll(async () => (await calls.get({ ctx, input: { id } })).recording.available, { timeout: 10_000 }).toBe(true);
  }, 60_000);
});
