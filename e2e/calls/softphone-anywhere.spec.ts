/**
 * The softphone lives across the signed-in app, not only on /agent: an Available agent reading
 * Tickets gets the "Incoming call" dialog there, answers, and keeps talking (both ways, checked by
 * what each side hears) while moving between pages with the nav links; the call bar hangs up, and
 * the wrap-up, typed on one page, survives a page change until Finish.
 */
import { expect, test, type Page } from "@playwright/test";
import { dominantFrequency } from "@/media/rtp/tone";
import type { Baresip } from "@/test/peers/baresip";
import { callCenter, dialIn, goAvailable, heardInBrowser, latestCall, sampleAt, toneShare } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

/** Opens a page from the main navigation (a client-side link: the app shell stays mounted). */
async function navigate(page: Page, label: string, heading: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** The browser plays the caller's 1 kHz (the remote audio is live). */
async function hearsCaller(page: Page) {
  await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
  expect(Math.abs((await heardInBrowser(page)) - 1000)).toBeLessThan(60);
}

test("an offer rings on Tickets, the call keeps its audio across pages, and the wrap-up survives navigation", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const cc = await callCenter(page, baseURL ?? "");
  await goAvailable(page);
  // Set once on /agent: still there later only if no page change reloaded the document.
  await page.evaluate(() => ((window as unknown as { softphoneTab: string }).softphoneTab = "kept"));
  const sameDocument = () => page.evaluate(() => (window as unknown as { softphoneTab?: string }).softphoneTab);

  await navigate(page, "Tickets", "Tickets");
  await expect(page).toHaveURL(/\/tickets$/);
  caller = await dialIn(cc.number);

  const offer = page.getByRole("dialog", { name: "Incoming call" });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText(cc.number.slice(-4));
  await offer.getByRole("button", { name: "Answer" }).click();
  await expect(offer).toBeHidden();

  // Answered where the agent is: the call bar, with the workspace one link away.
  await expect(page).toHaveURL(/\/tickets$/);
  const bar = page.getByRole("region", { name: "Softphone" });
  await expect(bar.getByRole("button", { name: "Hang up" })).toBeVisible();
  for (const name of ["Mute", "Hold", "Keypad", "Transfer"]) await expect(bar.getByRole("button", { name, exact: true })).toBeVisible();
  await expect(bar.getByRole("link", { name: "Open workspace" })).toBeVisible();
  await hearsCaller(page);

  // Around the pages and back, talking all along.
  const walkFrom = Date.now();
  await navigate(page, "Contacts", "Contacts");
  await hearsCaller(page);
  await bar.getByRole("link", { name: "Open workspace" }).click();
  await expect(page).toHaveURL(/\/agent$/);
  // The workspace shows the call in full, and no call bar beside it (one "Hang up" on the page).
  await expect(page.getByRole("button", { name: "Hang up" })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await hearsCaller(page);
  await navigate(page, "Tickets", "Tickets");
  await hearsCaller(page);
  const walkUntil = Date.now();
  expect(await sameDocument()).toBe("kept");

  await page.waitForTimeout(1000);
  const hungUp = Date.now();
  await bar.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);

  // The caller heard the agent's 440 Hz to the end, and while the agent went from page to page.
  const heard = caller.heard();
  const tail = heard.subarray(Math.max(0, heard.length - 12_000), heard.length - 2000);
  expect(Math.abs(dominantFrequency(tail).hz - 440)).toBeLessThanOrEqual(20);
  const at = sampleAt(heard, hungUp);
  expect(toneShare(heard.subarray(at(walkFrom + 500), at(walkUntil)), 440)).toBeGreaterThan(0.8);

  // After-call work in the bar; what the agent typed is still there after a page change.
  const wrap = page.getByRole("form", { name: "Wrap-up" });
  await expect(wrap).toBeVisible();
  await wrap.getByLabel("Notes").fill("Asked about a refund");
  await navigate(page, "Contacts", "Contacts");
  await expect(wrap.getByLabel("Notes")).toHaveValue("Asked about a refund");
  await wrap.getByRole("button", { name: "Finish" }).click();
  await expect(wrap).toBeHidden();
  await expect(bar).toHaveCount(0);
  await expect.poll(async () => ((await cc.api.get("/api/v1/agents/me/state")) as { state: string }).state).toBe("available");
  expect(await sameDocument()).toBe("kept");

  const record = await latestCall(cc.api);
  expect(record).toMatchObject({ state: "ended", endReason: "agent_hangup", notes: "Asked about a refund" });
  expect(record.offers.map((o) => o.result)).toEqual(["answered"]);
});
