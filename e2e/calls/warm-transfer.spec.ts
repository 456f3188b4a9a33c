/**
 * Warm transfer between two browser agents: the agent consults a colleague while the caller
 * waits on hold (the colleague hears the agent, not the caller), brings the caller into a
 * conference, then completes the transfer and leaves; the colleague keeps the caller.
 */
import { expect, test } from "@playwright/test";
import { dominantFrequency, rms } from "@/media/rtp/tone";
import type { Baresip } from "@/test/peers/baresip";
import { answer, betweenTone, callCenter, dialIn, goAvailable, heardInBrowser, latestCall, sampleAt, secondAgent, toneShare, transferFromPanel } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("a warm transfer: consult, conference, complete; the colleague keeps the caller", async ({ page, browser, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const other = await secondAgent(browser, cc.api, cc.queueId, "Bo Agent");
  try {
    await goAvailable(page);
    caller = await dialIn(cc.number);
    await answer(page);
    await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
    await goAvailable(other.page);

    await transferFromPanel(page, { to: "agent" }, "warm");
    const bar = page.getByRole("region", { name: "Consult" });
    await expect(bar).toContainText("Bo Agent");
    await expect(bar).toContainText("Ringing");

    await answer(other.page);
    await expect(bar).toContainText("Talking");
    // The colleague hears the agent's 440 Hz, not the caller, who waits with music.
    await expect.poll(() => heardInBrowser(other.page), { timeout: 15_000 }).toBeLessThan(600);
    const heldFrom = Date.now();
    await page.waitForTimeout(2500);
    const heldUntil = Date.now();

    await bar.getByRole("button", { name: "Conference" }).click();
    await expect(bar).toContainText("Conference");
    await page.waitForTimeout(1000);
    await bar.getByRole("button", { name: "Complete transfer" }).click();
    await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
    // Now the colleague and the caller, alone: the colleague hears 1 kHz.
    await expect.poll(() => heardInBrowser(other.page), { timeout: 15_000 }).toBeGreaterThan(900);
    const joinedFrom = Date.now();
    await other.page.waitForTimeout(2000);
    const joinedUntil = Date.now();
    const hungUp = Date.now();
    await caller.hangup();
    await expect(other.page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });

    const heard = caller.heard();
    // On hold during the consult: music, not the agents' 440 Hz, for at least the 2.5 s of talk
    // between the agents; the agent's 440 Hz before it, the colleague's after it.
    const held = betweenTone(heard, 440);
    expect(held.length).toBeGreaterThan((heldUntil - heldFrom) * 8);
    expect(rms(held)).toBeGreaterThan(0.01);
    expect(toneShare(held, 440)).toBeLessThan(0.5);
    const at = sampleAt(heard, hungUp);
    expect(Math.abs(dominantFrequency(heard.subarray(at(joinedFrom), at(joinedUntil))).hz - 440)).toBeLessThanOrEqual(20);

    const record = await latestCall(cc.api);
    expect(record.agent).toMatchObject({ id: other.userId });
    const types = (record.events as Array<{ type: string }>).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["consult_offered", "consult_answered", "conference", "transfer_warm"]));
    expect(record.holdSeconds as number).toBeGreaterThanOrEqual(2);
  } finally {
    await other.close();
  }
});

test("a consult the colleague declines puts the agent back with the caller", async ({ page, browser, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const other = await secondAgent(browser, cc.api, cc.queueId, "Bo Agent");
  try {
    await goAvailable(page);
    caller = await dialIn(cc.number);
    await answer(page);
    await goAvailable(other.page);
    await transferFromPanel(page, { to: "agent" }, "warm");
    const offer = other.page.getByRole("dialog", { name: "Incoming call" });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await offer.getByRole("button", { name: "Decline" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bo Agent declined the call" })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole("button", { name: "Hold" })).toBeEnabled();
    await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
    await page.getByRole("button", { name: "Hang up" }).click();
    await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
    const record = await latestCall(cc.api);
    expect(record.agent).toMatchObject({ id: cc.adminId });
    expect((record.events as Array<{ type: string }>).map((e) => e.type)).toEqual(expect.arrayContaining(["consult_offered", "offer_declined", "consult_ended"]));
  } finally {
    await other.close();
  }
});
