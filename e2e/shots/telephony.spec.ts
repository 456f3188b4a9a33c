import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openAdmin, signUp } from "../fixtures";

// Not part of the suite: SHOTS=1 npx playwright test --project shots  (writes /tmp/shots/*.png)
const DIR = process.env.SHOTS_DIR ?? "/tmp/shots";
mkdirSync(DIR, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });

test.use({ viewport: { width: 1280, height: 800 } });

test("screenshots of the telephony admin pages", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page);
  await openAdmin(page, "Trunks");
  await shot(page, "t01-trunks-empty");
  await page.getByRole("button", { name: "New trunk" }).click();
  const d = page.getByRole("dialog", { name: "New trunk" });
  await d.getByLabel("Name", { exact: true }).fill("Main carrier");
  await d.getByLabel("Allowed addresses").fill("203.0.113.10\n198.51.100.0/24");
  await d.getByLabel("Proxy host").fill("127.0.0.1") // tests target loopback only (the trunk is OPTIONS-pinged);
  await d.getByLabel("Caller ID").fill("+14155550100");
  await shot(page, "t02-trunk-dialog");
  await d.getByRole("button", { name: "Create trunk" }).click();
  await expect(d).toBeHidden();
  await shot(page, "t03-trunks");

  await openAdmin(page, "Queues");
  await page.getByRole("button", { name: "New queue" }).click();
  await page.getByRole("dialog", { name: "New queue" }).getByLabel("Name", { exact: true }).fill("Support");
  await page.getByRole("dialog", { name: "New queue" }).getByRole("button", { name: "Create queue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();

  await openAdmin(page, "Numbers");
  await shot(page, "t04-numbers-empty");
  await page.getByRole("button", { name: "Add number" }).click();
  const n = page.getByRole("dialog", { name: "Add number" });
  await n.getByLabel("Number").fill("+14155550123");
  await shot(page, "t05-number-dialog");
  await n.getByRole("button", { name: "Add number" }).click();
  await expect(n).toBeHidden();
  await shot(page, "t06-numbers");

  await openAdmin(page, "Business hours");
  await page.getByRole("button", { name: "New hours" }).click();
  const h = page.getByRole("dialog", { name: "New business hours" });
  await h.getByLabel("Name", { exact: true }).fill("Support hours");
  await h.getByLabel("Holidays").fill("2026-12-25 Christmas");
  await shot(page, "t07-hours-dialog");
  await h.getByRole("button", { name: "Create hours" }).click();
  await expect(h).toBeHidden();
  await shot(page, "t08-hours");

  await openAdmin(page, "IVR flows");
  await shot(page, "t09-flows-empty");
  await page.getByRole("button", { name: "New flow" }).first().click();
  await page.getByRole("dialog", { name: "New flow" }).getByLabel("Name", { exact: true }).fill("Main menu");
  await page.getByRole("dialog", { name: "New flow" }).getByRole("button", { name: "Create flow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Main menu" })).toBeVisible();
  await page.getByLabel("New step").selectOption("menu");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByLabel("New step").selectOption("queue");
  await page.getByRole("button", { name: "Add step" }).click();
  await shot(page, "t10-flow-editor");

  await openAdmin(page, "Billing");
  await shot(page, "t11-billing");
  await page.goto("/calls");
  await shot(page, "t12-calls-empty");
});
