/** Routing with real calls: decline goes to the next agent, ring timeout, a caller who gives up. */
import { expect, test } from "@playwright/test";
import type { Baresip } from "@/test/peers/baresip";
import { callCenter, dialIn, goAvailable, latestCall, secondAgent } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("a declined call is offered to the next agent, who answers it", async ({ page, browser, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const other = await secondAgent(browser, cc.api, cc.queueId);
  try {
    await goAvailable(page);
    await goAvailable(other.page);
    caller = await dialIn(cc.number);
    // Whoever rings first declines; the other one answers.
    const dialogs = [page, other.page].map((p) => p.getByRole("dialog", { name: "Incoming call" }));
    await expect.poll(async () => (await dialogs[0]!.isVisible()) || (await dialogs[1]!.isVisible()), { timeout: 15_000 }).toBe(true);
    const firstIsAdmin = await dialogs[0]!.isVisible();
    const [first, second] = firstIsAdmin ? [page, other.page] : [other.page, page];
    await first.getByRole("dialog", { name: "Incoming call" }).getByRole("button", { name: "Decline" }).click();
    const offer = second.getByRole("dialog", { name: "Incoming call" });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await offer.getByRole("button", { name: "Answer" }).click();
    await expect(second.getByRole("button", { name: "Hang up" })).toBeVisible();
    await caller.hangup();
    await expect(second.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
    const record = await latestCall(cc.api);
    expect(record.offers.map((o) => o.result)).toEqual(["declined", "answered"]);
    expect(record.endReason).toBe("caller_hangup");
  } finally {
    await other.close();
  }
});

test("an offer nobody answers is missed after the ring timeout, and a caller who hangs up while waiting is abandoned", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "", { ringTimeoutSec: 5 });
  await goAvailable(page);
  caller = await dialIn(cc.number);
  const offer = page.getByRole("dialog", { name: "Incoming call" });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toBeHidden({ timeout: 12_000 });
  await expect(page.getByText("Missed a call").first()).toBeVisible();
  await caller.hangup();
  await caller.waitFor("CALL_CLOSED", 10_000);
  await expect.poll(async () => (await latestCall(cc.api)).endReason, { timeout: 10_000 }).toBe("abandoned");
  const record = await latestCall(cc.api);
  expect(record.offers.map((o) => o.result)).toEqual(["missed"]);
});
