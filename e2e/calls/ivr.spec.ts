/**
 * Onboarding to a working IVR: sign up, look at billing, build a menu in the flow editor and
 * publish it; SIPp calls the number, presses 2 as RFC 4733 events from SIPp's own pcap, and the
 * call lands in the queue of branch 2 with the IVR path on its record.
 */
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "@/test/peers/ports";
import { E2E_SIP_PORT } from "../../playwright.config";
import { openAdmin, signUp } from "../fixtures";
import { apiOf, latestCall, uniqueNumber } from "./setup";

test("a caller presses 2 in a published IVR menu and waits in that branch's queue", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await openAdmin(page, "Billing");
  await expect(page.getByText("Billing is off on this server")).toBeVisible();
  const api = apiOf(page, baseURL ?? "");
  await api.post("/api/v1/queues", { name: "Sales" });
  await api.post("/api/v1/queues", { name: "Support" });

  await openAdmin(page, "IVR flows");
  await page.getByRole("button", { name: "New flow" }).first().click();
  await page.getByRole("dialog", { name: "New flow" }).getByLabel("Name").fill("Main menu");
  await page.getByRole("dialog", { name: "New flow" }).getByRole("button", { name: "Create flow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Main menu" })).toBeVisible();
  for (const type of ["menu", "queue", "queue"]) {
    await page.getByLabel("New step").selectOption(type);
    await page.getByRole("button", { name: "Add step" }).click();
  }
  await page.getByRole("article", { name: "Step queue-1" }).getByLabel("Queue", { exact: true }).selectOption({ label: "Sales" });
  await page.getByRole("article", { name: "Step queue-2" }).getByLabel("Queue", { exact: true }).selectOption({ label: "Support" });
  const menu = page.getByRole("article", { name: "Step menu-1" });
  await menu.getByRole("button", { name: "Add key" }).click();
  await menu.getByRole("button", { name: "Add key" }).click();
  await menu.getByLabel("Key", { exact: true }).nth(0).selectOption("1");
  await menu.getByLabel("Goes to").nth(0).selectOption("queue-1");
  await menu.getByLabel("Key", { exact: true }).nth(1).selectOption("2");
  await menu.getByLabel("Goes to").nth(1).selectOption("queue-2");
  await menu.getByLabel("When the caller presses nothing").selectOption("welcome");
  await menu.getByRole("button", { name: "Make start" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published as version 1");

  const flows = (await api.get("/api/v1/flows")) as Array<{ id: string }>;
  await api.post("/api/v1/trunks", { name: "Loopback carrier", inboundAddresses: ["127.0.0.1"] });
  const number = uniqueNumber();
  expect((await api.post("/api/v1/numbers", { number, destination: { type: "flow", id: flows[0]?.id } })).status).toBe(201);

  const [sipPort, mediaPort] = [await freePort(), await freePort()];
  const scenario = new URL("./scenarios/ivr-caller.xml", import.meta.url).pathname;
  const sipp = spawn("sipp", ["-sf", scenario, "-s", number, "-m", "1", "-i", "127.0.0.1", "-p", String(sipPort), "-mi", "127.0.0.1", "-mp", String(mediaPort), "-nostdin", "-timeout", "40", `127.0.0.1:${E2E_SIP_PORT}`], {
    stdio: "ignore",
  });
  expect(await new Promise((resolve) => sipp.once("exit", resolve))).toBe(0);

  await expect.poll(async () => (await latestCall(api)).state, { timeout: 10_000 }).toBe("ended");
  const record = await latestCall(api);
  expect(record.ivrPath).toContain("menu-1:2");
  expect(record.queue).toMatchObject({ name: "Support" });
  expect(record.endReason).toBe("abandoned");
});
