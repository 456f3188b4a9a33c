/**
 * The supervisor's wallboard, live: a caller waits (baresip), the tile shows it within a second and
 * raises the threshold alert; the supervisor sets an agent Available from the agent list; the
 * agent answers, talks, wraps up, and the tile and the list follow each step without a reload.
 */
import { expect, test } from "@playwright/test";
import { type Baresip, startBaresip } from "@/test/peers/baresip";
import { E2E_SIP_PORT } from "../../playwright.config";
import { answer, callCenter, secondAgent } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("the wallboard follows a call live and a supervisor puts an agent to work", async ({ page, browser, baseURL }) => {
  const { api, queueId, number } = await callCenter(page, baseURL ?? "", { serviceLevelSec: 2 });
  const bo = await secondAgent(browser, api, queueId);
  try {
    await page.goto("/wallboard");
    const tile = page.getByRole("list", { name: "Queues" }).getByRole("listitem", { name: "Support" });
    await expect(tile.getByRole("group", { name: "Waiting" })).toContainText("0");
    await expect(tile.getByRole("group", { name: "Service level" })).toContainText("—");
    const agents = page.getByRole("table", { name: "Agents" });
    await expect(agents.getByRole("row", { name: /Bo Agent/ })).toContainText("Offline");

    caller = await startBaresip({ toneHz: 1000 });
    await caller.dial(`sip:${number}@127.0.0.1:${E2E_SIP_PORT}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    // Pushed, not polled: the board reloads on the call's change.
    await expect(tile.getByRole("group", { name: "Waiting" })).toContainText("1", { timeout: 3000 });
    await expect(tile.getByRole("status")).toHaveText("A caller has waited over the 2s threshold", { timeout: 5000 });

    await page.getByLabel("Set state for Bo Agent").selectOption("Available");
    await expect(bo.page.getByLabel("Status")).toHaveValue("available");
    await answer(bo.page);
    await expect(tile.getByRole("group", { name: "Waiting" })).toContainText("0");
    await expect(tile.getByRole("status")).toHaveCount(0);
    await expect(tile.getByRole("list", { name: "Support agents by state" })).toContainText("In a call 1");
    const row = agents.getByRole("row", { name: /Bo Agent/ });
    await expect(row).toContainText("In a call");
    await expect(page.getByLabel("Set state for Bo Agent")).toBeDisabled();

    await bo.page.getByRole("button", { name: "Hang up" }).click();
    await caller.waitFor("CALL_CLOSED", 10_000);
    await expect(row).toContainText("Wrap-up");
    const wrap = bo.page.getByRole("form", { name: "Wrap-up" });
    await wrap.getByRole("button", { name: "Finish" }).click();
    await expect(row).toContainText("Available");
    // Answered after the 2 s threshold: 0 of 1 within it; ASA and AHT now have values.
    await expect(tile).toContainText("(0 of 1)");
    await expect(tile.getByRole("group", { name: "Service level" })).toContainText("0%");
    await expect(tile.getByRole("group", { name: "ASA" })).not.toContainText("—");
    await expect(tile.getByRole("group", { name: "AHT" })).not.toContainText("—");
  } finally {
    await bo.close();
  }
});
