/**
 * QA scorecards end to end: an admin defines a weighted scorecard in the admin console, takes a
 * real call (baresip), then reads the call's audio signals and scores it on its page; scoring
 * again replaces the score.
 */
import { expect, test } from "@playwright/test";
import type { Baresip } from "@/test/peers/baresip";
import { openAdmin } from "../fixtures";
import { answer, callCenter, dialIn, goAvailable, latestCall } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("an admin creates a scorecard, then scores a call on its page and scores it again", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");

  await page.goto("/admin");
  await openAdmin(page, "Scorecards");
  await expect(page.getByText("No scorecards yet")).toBeVisible();
  await page.getByRole("button", { name: "New scorecard" }).click();
  const dialog = page.getByRole("dialog", { name: "New scorecard" });
  await dialog.getByLabel("Name").fill("Support calls");
  const first = dialog.getByRole("group", { name: "Criterion 1" });
  await first.getByLabel("Criterion", { exact: true }).fill("Greets the caller");
  await expect(first.getByLabel("Weight")).toHaveValue("1");
  await dialog.getByRole("button", { name: "Add criterion" }).click();
  const second = dialog.getByRole("group", { name: "Criterion 2" });
  await expect(second.getByLabel("Criterion", { exact: true })).toBeFocused();
  await second.getByLabel("Criterion", { exact: true }).fill("Solves the problem");
  await second.getByLabel("Description (optional)").fill("The caller needs nothing more");
  await second.getByLabel("Weight").selectOption("3");
  await dialog.getByRole("button", { name: "Create scorecard" }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole("region", { name: "Support calls" });
  await expect(card).toContainText("2 criteria · Used on 0 calls");
  await expect(card.getByRole("listitem").filter({ hasText: "Solves the problem" })).toContainText("Weight 3");

  // The API's refusal reads in the dialog.
  await page.getByRole("button", { name: "New scorecard" }).click();
  await dialog.getByLabel("Name").fill("Support calls");
  await dialog.getByRole("group", { name: "Criterion 1" }).getByLabel("Criterion", { exact: true }).fill("Anything");
  await dialog.getByRole("button", { name: "Create scorecard" }).click();
  await expect(dialog.getByRole("alert")).toHaveText('A scorecard named "Support calls" already exists');
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A real call, answered, hung up and wrapped up.
  await goAvailable(page);
  caller = await dialIn(cc.number);
  await answer(page);
  await page.waitForTimeout(2000);
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);
  const wrap = page.getByRole("form", { name: "Wrap-up" });
  await wrap.getByRole("button", { name: "Finish" }).click();
  await expect(wrap).toBeHidden();

  const { id } = await latestCall(cc.api);
  await page.goto(`/calls/${id}`);
  const quality = page.getByRole("region", { name: "Quality" });
  // The signals arrive with the sealed recording (the page follows the call's updates).
  const signals = quality.getByRole("definition");
  await expect(signals).toHaveCount(5, { timeout: 15_000 });
  await expect(signals.first()).toHaveText(/^\d{1,3}%$/);
  for (let i = 1; i < 5; i++) await expect(signals.nth(i)).toHaveText(/^\d+:\d\d$/);
  await expect(quality.getByText("Not scored yet.")).toBeVisible();

  const form = quality.getByRole("form", { name: "Score this call" });
  await expect(form.getByLabel("Scorecard")).toHaveValue(/.+/);
  await form.getByRole("radiogroup", { name: "Greets the caller" }).getByRole("radio", { name: "5", exact: true }).check();
  await form.getByRole("radiogroup", { name: "Solves the problem" }).getByRole("radio", { name: "2", exact: true }).check();
  await form.getByLabel("Comment").fill("Friendly; the refund was left open.");
  await form.getByRole("button", { name: "Save score" }).click();
  const scores = quality.getByRole("list", { name: "Scores" }).getByRole("listitem");
  await expect(scores).toHaveCount(1);
  await expect(scores).toContainText("55%"); // (1x5 + 3x2) / (1x5 + 3x5)
  await expect(scores).toContainText("Friendly; the refund was left open.");
  await expect(scores.getByRole("definition")).toHaveText(["5/5", "2/5"]);

  // Again, from the keyboard: 2 -> 4 with the arrow keys; the score is replaced, not added.
  await form.getByRole("radiogroup", { name: "Solves the problem" }).getByRole("radio", { name: "2", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(form.getByRole("radiogroup", { name: "Solves the problem" }).getByRole("radio", { name: "4", exact: true })).toBeChecked();
  await form.getByRole("button", { name: "Save score" }).click();
  await expect(form.getByRole("status")).toHaveText("Score saved: 85% on Support calls.");
  await expect(scores).toHaveCount(1);
  await expect(scores).toContainText("85%");
  await expect(scores.getByRole("definition")).toHaveText(["5/5", "4/5"]);

  // Scored once, the scorecard's criteria are fixed and it cannot be deleted.
  await page.goto("/admin/scorecards");
  await expect(card).toContainText("Used on 1 call");
  await expect(card.getByRole("button", { name: "Delete Support calls" })).toBeDisabled();
});
