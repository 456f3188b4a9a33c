/**
 * The product's defining act, with real peers: baresip dials the tenant's number with a 1 kHz
 * tone, the agent answers in Chromium (its microphone a 440 Hz tone), both hear the other, the
 * agent hangs up and wraps up, and the call record is complete.
 */
import { expect, test } from "@playwright/test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dominantFrequency } from "@/media/rtp/tone";
import { readWav } from "@/media/rtp/wav";
import type { Baresip } from "@/test/peers/baresip";
import { signUp } from "../fixtures";
import { dialIn, heardInBrowser, uniqueNumber } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});


test("a caller reaches an agent in the browser, both hear each other, the agent wraps up", async ({ page, baseURL }) => {
  await signUp(page);
  // The page's own API client, with the Origin a browser sends (cookie mutations need it).
  const origin = { origin: baseURL ?? "" };
  const api = {
    get: (path: string) => page.request.get(path),
    post: (path: string, o: { data: unknown }) => page.request.post(path, { ...o, headers: origin }),
  };
  const me = await (await api.get("/api/v1/sessions")).json();
  const queue = await (await api.post("/api/v1/queues", { data: { name: "Support" } })).json();
  await api.post(`/api/v1/queues/${queue.id}/agents`, { data: { userId: me.user.id } });
  await api.post("/api/v1/trunks", { data: { name: "Loopback carrier", inboundAddresses: ["127.0.0.1"] } });
  const number = uniqueNumber();
  expect((await api.post("/api/v1/numbers", { data: { number, destination: { type: "queue", id: queue.id } } })).status()).toBe(201);
  const disposition = await api.post("/api/v1/dispositions", { data: { name: "Resolved" } });
  expect(disposition.status(), await disposition.text()).toBe(201);

  await page.goto("/agent");
  await page.getByLabel("Status").selectOption({ label: "Available" });

  caller = await dialIn(number);

  const offer = page.getByRole("dialog", { name: "Incoming call" });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText(number.slice(-4));
  await offer.getByRole("button", { name: "Answer" }).click();
  await expect(page.getByRole("button", { name: "Hang up" })).toBeVisible();

  // The browser hears the caller: the remote audio's dominant frequency is 1 kHz.
  await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
  expect(Math.abs((await heardInBrowser(page)) - 1000)).toBeLessThan(60);

  await page.waitForTimeout(2000);
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);

  // The caller heard the agent: 440 Hz in what baresip received.
  const heard = caller.heard();
  const tail = heard.subarray(Math.max(0, heard.length - 12_000), heard.length - 2000);
  expect(dominantFrequency(tail).hz).toBeGreaterThan(420);
  expect(dominantFrequency(tail).hz).toBeLessThan(460);

  const wrap = page.getByRole("form", { name: "Wrap-up" });
  await expect(wrap).toBeVisible();
  await wrap.getByLabel("Disposition").selectOption({ label: "Resolved" });
  await expect(wrap.getByLabel("Disposition")).toHaveValue((await disposition.json()).id);
  await wrap.getByLabel("Notes").fill("Caller asked about the invoice");
  await expect(wrap.getByLabel("Notes")).toHaveValue("Caller asked about the invoice");
  await wrap.getByRole("button", { name: "Finish" }).click();
  await expect(wrap).toBeHidden();
  await expect.poll(async () => (await (await api.get("/api/v1/agents/me/state")).json()).state).toBe("available");

  const calls = await (await api.get("/api/v1/calls")).json();
  const record = await (await api.get(`/api/v1/calls/${calls[0].id}`)).json();
  expect(record).toMatchObject({
    direction: "inbound",
    toNumber: number,
    state: "ended",
    endReason: "agent_hangup",
    agent: { id: me.user.id },
    queue: { id: queue.id, name: "Support" },
    notes: "Caller asked about the invoice",
  });
  expect(record.offers.map((o: { result: string }) => o.result)).toEqual(["answered"]);
  expect(record.talkSeconds).toBeGreaterThanOrEqual(2);
  expect(record.disposition).toEqual({ id: (await disposition.json()).id, name: "Resolved" });

  // The recording, sealed at rest, plays back as a stereo WAV: the caller left, the agent right.
  await expect.poll(async () => (await (await api.get(`/api/v1/calls/${record.id}`)).json()).recording.available, { timeout: 10_000 }).toBe(true);
  // Voice activity measured during the call: both sides "talked" (a tone each) most of the time.
  const withStats = await (await api.get(`/api/v1/calls/${record.id}`)).json();
  expect(withStats.audioStats.agentTalkMs).toBeGreaterThan(1500);
  expect(withStats.audioStats.callerTalkMs).toBeGreaterThan(1500);

  const wav = Buffer.from(await (await api.get(`/api/v1/calls/${record.id}/recording`)).body());
  const dir = mkdtempSync(join(tmpdir(), "hotline-rec-"));
  writeFileSync(join(dir, "call.wav"), wav);
  const { channels, data } = readWav(join(dir, "call.wav"));
  expect(channels).toBe(2);
  const [left, right] = data as [Int16Array, Int16Array];
  // Counted back from the hang-up, when both directions surely flowed (the browser had heard the
  // caller two seconds before): the agent's audio starts once its browser's transport connects,
  // later than the answer on a loaded machine.
  const lastSecond = (x: Int16Array) => x.subarray(Math.max(0, x.length - 10_400), x.length - 2400);
  expect(dominantFrequency(lastSecond(left)).hz).toBe(1000);
  expect(Math.abs(dominantFrequency(lastSecond(right)).hz - 440)).toBeLessThanOrEqual(20);
});
