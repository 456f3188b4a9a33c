/** In a call: keypad DTMF, blind transfer, hold, mute, and pausing the recording for card details. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { dominantFrequency, rms } from "@/media/rtp/tone";
import { readWav } from "@/media/rtp/wav";
import type { Baresip } from "@/test/peers/baresip";
import { PASSWORD, signIn } from "../fixtures";
import { answer, betweenTone, callCenter, dialIn, goAvailable, heardInBrowser, latestCall, sampleAt, secondAgent, toneShare, transferFromPanel } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("the keypad sends RFC 4733 digits the caller's phone receives", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  await goAvailable(page);
  caller = await dialIn(cc.number);
  await answer(page);
  await page.getByRole("button", { name: "Keypad" }).click();
  const pad = page.getByRole("group", { name: "Keypad" });
  for (const key of ["1", "2", "3"]) await pad.getByRole("button", { name: key, exact: true }).click();
  const got: string[] = [];
  for (let i = 0; i < 3; i++) got.push((await caller.waitFor("CALL_DTMF_START", 10_000)).param ?? "");
  expect(got).toEqual(["1", "2", "3"]);
  await page.getByRole("button", { name: "Hang up" }).click();
  await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible();
});

test("a blind transfer hands the caller to another agent, who hears them", async ({ page, browser, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const other = await secondAgent(browser, cc.api, cc.queueId, "Bo Agent");
  try {
    await goAvailable(page);
    caller = await dialIn(cc.number);
    await answer(page);
    await goAvailable(other.page);
    await transferFromPanel(page, { to: "agent" });
    await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
    await answer(other.page);
    await expect.poll(() => heardInBrowser(other.page), { timeout: 15_000 }).toBeGreaterThan(900);
    await caller.hangup();
    await expect(other.page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
    const record = await latestCall(cc.api);
    expect((record.transfers as unknown[]).length).toBe(1);
    expect(record.agent).toMatchObject({ id: other.userId });
    expect(record.offers.map((o) => o.result)).toEqual(["answered", "answered"]);
  } finally {
    await other.close();
  }
});

test("on hold the caller hears music instead of the agent, and the agent again after Resume", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  await goAvailable(page);
  caller = await dialIn(cc.number);
  await answer(page);
  await page.waitForTimeout(1500);
  const holdAt = Date.now();
  await page.getByRole("button", { name: "Hold" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await page.waitForTimeout(4000);
  const resumeAt = Date.now();
  await page.getByRole("button", { name: "Resume" }).click();
  await page.waitForTimeout(3000);
  const hungUp = Date.now();
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);
  // The agent's 440 Hz, then music (not silence) for the hold, then the agent again.
  const heard = caller.heard();
  const held = betweenTone(heard, 440);
  expect(held.length).toBeGreaterThan((resumeAt - holdAt - 1000) * 8);
  expect(rms(held)).toBeGreaterThan(0.01);
  expect(toneShare(held, 440)).toBeLessThan(0.5);
  const at = sampleAt(heard, hungUp);
  expect(Math.abs(dominantFrequency(heard.subarray(at(resumeAt + 1000), at(resumeAt + 2500))).hz - 440)).toBeLessThanOrEqual(20);
  const record = await latestCall(cc.api);
  expect(record.holdSeconds as number).toBeGreaterThanOrEqual(3);
});

test("muted, the agent is not heard by the caller; unmuted, heard again", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  await goAvailable(page);
  caller = await dialIn(cc.number);
  await answer(page);
  await page.waitForTimeout(1500);
  const muteAt = Date.now();
  await page.getByRole("button", { name: "Mute" }).click();
  await expect(page.getByRole("button", { name: "Unmute" })).toBeVisible();
  await page.waitForTimeout(3000);
  const unmuteAt = Date.now();
  await page.getByRole("button", { name: "Unmute" }).click();
  await page.waitForTimeout(2500);
  const hungUp = Date.now();
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);
  // Counted back from the hang-up (the recording starts with the first packet), with margins.
  const heard = caller.heard();
  const at = sampleAt(heard, hungUp);
  const muted = heard.subarray(at(muteAt + 700), at(unmuteAt - 300));
  const after = heard.subarray(at(unmuteAt + 1000), at(hungUp - 300));
  expect(muted.length).toBeGreaterThan(8000);
  expect(toneShare(muted, 440)).toBeLessThan(0.2);
  expect(toneShare(after, 440)).toBeGreaterThan(0.8);
});

test("paused while the caller reads out card digits, the recording holds silence there, and both voices before and after", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  await goAvailable(page);
  caller = await dialIn(cc.number);
  await answer(page);
  await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
  await page.waitForTimeout(1500);
  const pausedAt = Date.now();
  await page.getByRole("button", { name: "Pause recording" }).click();
  await expect(page.getByText("Recording paused")).toBeVisible();
  await page.waitForTimeout(2500);
  const resumedAt = Date.now();
  await page.getByRole("button", { name: "Resume recording" }).click();
  await expect(page.getByRole("button", { name: "Pause recording" })).toBeVisible();
  await page.waitForTimeout(2500);
  const hungUp = Date.now();
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);

  const record = await latestCall(cc.api);
  await expect.poll(async () => ((await cc.api.get(`/api/v1/calls/${record.id}`)) as { recording: { available: boolean } }).recording.available, { timeout: 10_000 }).toBe(true);
  const full = (await cc.api.get(`/api/v1/calls/${record.id}`)) as { events: Array<{ type: string; data: { userId?: string; pausedMs?: number } }> };
  const paused = full.events.filter((e) => e.type.startsWith("recording_"));
  expect(paused.map((e) => [e.type, e.data.userId ?? null])).toEqual([
    ["recording_paused", cc.adminId],
    ["recording_resumed", cc.adminId],
    ["recording_stored", null],
  ]);
  expect(Math.abs((paused[2]?.data.pausedMs ?? 0) - (resumedAt - pausedAt))).toBeLessThan(600);

  const wav = Buffer.from(await (await page.request.get(`/api/v1/calls/${record.id}/recording`)).body());
  const dir = mkdtempSync(join(tmpdir(), "hotline-rec-"));
  writeFileSync(join(dir, "call.wav"), wav);
  const [left, right] = readWav(join(dir, "call.wav")).data as [Int16Array, Int16Array];
  // Counted back from the hang-up (the recording ends there), with margins for the clicks' round trips.
  const at = sampleAt(left, hungUp);
  for (const channel of [left, right]) expect(rms(channel.subarray(at(pausedAt + 600), at(resumedAt - 100)))).toBe(0);
  expect(dominantFrequency(left.subarray(at(pausedAt - 1200), at(pausedAt - 200))).hz).toBe(1000);
  expect(Math.abs(dominantFrequency(right.subarray(at(pausedAt - 1200), at(pausedAt - 200))).hz - 440)).toBeLessThanOrEqual(20);
  expect(dominantFrequency(left.subarray(at(resumedAt + 800), at(hungUp - 300))).hz).toBe(1000);
  expect(Math.abs(dominantFrequency(right.subarray(at(resumedAt + 800), at(hungUp - 300))).hz - 440)).toBeLessThanOrEqual(20);
});

test("signing out during a call asks first; confirmed, the call is hung up before the session ends", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  await goAvailable(page);
  caller = await dialIn(cc.number);
  await answer(page);

  // Cancelled: the call goes on.
  await page.getByRole("button", { name: "Sign out" }).click();
  const ask = page.getByRole("dialog", { name: "Sign out during a call?" });
  await expect(ask).toContainText("will be hung up");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole("button", { name: "Hang up" })).toBeVisible();

  // Confirmed: the caller gets our BYE, then the agent is signed out.
  await page.getByRole("button", { name: "Sign out" }).click();
  await ask.getByRole("button", { name: "Hang up and sign out" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);
  await expect(page).toHaveURL(/\/login/);
  // Signed in again: the agent hung up (the call did not just lose its audio).
  await signIn(page, cc.adminEmail, PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await latestCall(cc.api)).toMatchObject({ state: "ended", endReason: "agent_hangup" });
});
