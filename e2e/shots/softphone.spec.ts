import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { type Baresip, startBaresip } from "@/test/peers/baresip";
import { E2E_SIP_PORT } from "../../playwright.config";
import { callCenter, goAvailable } from "../calls/setup";

// Not part of the suite: SHOTS=1 SHOTS_DIR=/tmp/shots-softphone npx playwright test --project shots e2e/shots/softphone.spec.ts
// The softphone away from /agent: the offer, the call bar, its keypad, minimized, the wrap-up, a missed call.
const DIR = process.env.SHOTS_DIR ?? "/tmp/shots";
mkdirSync(DIR, { recursive: true });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The same moment at desktop and phone width. */
async function both(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${DIR}/${name}-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${DIR}/${name}-phone.png` });
  await page.setViewportSize(DESKTOP);
}

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("screenshots of the softphone on other pages", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  const cc = await callCenter(page, baseURL ?? "", { ringTimeoutSec: 12 });
  const from = "+14155550199";
  const contact = (await cc.api.post("/api/v1/contacts", { name: "Grace Hopper", phone: from, tier: "vip", notes: "Prefers email follow-ups." })).body as { id: string };
  for (const [subject, priority] of [["Refund for order 1182", "high"], ["Invoice address change", "normal"], ["Router keeps rebooting", "urgent"], ["Password reset loop", "low"]] as const)
    await cc.api.post("/api/v1/tickets", { subject, priority, contactId: contact.id });

  await goAvailable(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tickets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();

  caller = await startBaresip({ toneHz: 1000, user: from });
  await caller.dial(`sip:${cc.number}@127.0.0.1:${E2E_SIP_PORT}`);
  await caller.waitFor("CALL_ESTABLISHED", 15_000);
  const offer = page.getByRole("dialog", { name: "Incoming call" });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText("Grace Hopper");
  await both(page, "01-tickets-incoming");
  await offer.getByRole("button", { name: "Answer" }).click();

  const bar = page.getByRole("region", { name: "Softphone" });
  await expect(bar.getByText("Audio connected")).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(1500);
  await both(page, "02-tickets-in-call");
  await bar.getByRole("button", { name: "Mute" }).click();
  await bar.getByRole("button", { name: "Keypad" }).click();
  await bar.getByRole("button", { name: "5", exact: true }).click();
  await both(page, "03-tickets-keypad-muted");
  await bar.getByRole("button", { name: "Keypad" }).click();
  await bar.getByRole("button", { name: "Unmute" }).click();
  await bar.getByRole("button", { name: "Minimize softphone" }).click();
  await both(page, "04-tickets-minimized");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await bar.getByRole("button", { name: "Expand softphone" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await both(page, "05-contacts-in-call");
  await bar.getByRole("button", { name: "Transfer" }).click();
  await both(page, "06-contacts-transfer-dialog");
  await page.getByRole("dialog", { name: "Transfer" }).getByRole("button", { name: "Cancel" }).click();

  await bar.getByRole("button", { name: "Hang up" }).click();
  const wrap = page.getByRole("form", { name: "Wrap-up" });
  await expect(wrap).toBeVisible();
  await wrap.getByLabel("Notes").fill("Wants the refund to the original card.");
  await both(page, "07-contacts-wrap-up");
  await wrap.getByRole("checkbox", { name: "Create a ticket" }).check();
  await both(page, "08-contacts-wrap-up-ticket");
  await wrap.getByRole("checkbox", { name: "Create a ticket" }).uncheck();
  await wrap.getByRole("button", { name: "Finish" }).click();
  await expect(wrap).toBeHidden();
  await caller.close();

  // An offer that rings out while the agent reads a page.
  await goAvailable(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
  caller = await startBaresip({ toneHz: 1000, user: from });
  await caller.dial(`sip:${cc.number}@127.0.0.1:${E2E_SIP_PORT}`);
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Softphone" })).toContainText("Missed call");
  await both(page, "09-calls-missed");
});
