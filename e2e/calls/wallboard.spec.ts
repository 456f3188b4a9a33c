/**
 * The supervisor's wallboard, live: a caller waits (baresip), the tile shows it within a second and
 * goes into alert (the queue's thresholds: one call waiting at once, then the 2 s wait), announced
 * once and counted in the summary; the supervisor sets an agent Available from the agent list; the
 * agent answers, talks, wraps up, and the tile and the list follow each step without a reload;
 * the day's report then counts the call for the queue and the agent, on the page and in its CSV.
 * And the supervisor in a live call: listen, whisper, barge, each checked by what each side hears.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test } from "@playwright/test";
import { goertzel } from "@/media/rtp/tone";
import type { Baresip } from "@/test/peers/baresip";
import { writeToneWav } from "@/test/peers/tone-file";
import { CHROMIUM_ARGS } from "../../playwright.config";
import { PASSWORD, signIn, uniqueEmail } from "../fixtures";
import { answer, bandsInBrowser, callCenter, dialIn, goAvailable, latestCall, sampleAt, secondAgent } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

test("the wallboard follows a call live and a supervisor puts an agent to work", async ({ page, browser, baseURL }) => {
  // Alerts at 1 call waiting and, by default, at a wait of the service level (2 s).
  const { api, queueId, number } = await callCenter(page, baseURL ?? "", { serviceLevelSec: 2, alertMaxWaiting: 1 });
  const bo = await secondAgent(browser, api, queueId);
  try {
    await page.goto("/wallboard");
    const tile = page.getByRole("list", { name: "Queues" }).getByRole("listitem", { name: "Support" });
    await expect(tile.getByRole("group", { name: "Waiting" })).toContainText("0");
    await expect(tile.getByRole("group", { name: "Service level" })).toContainText("—");
    const summary = page.getByRole("region", { name: "Alerts" });
    await expect(summary).toHaveText(/No queue in alert/);
    await expect(tile.getByRole("list", { name: "Support alerts" })).toHaveCount(0);
    const agents = page.getByRole("table", { name: "Agents" });
    await expect(agents.getByRole("row", { name: /Bo Agent/ })).toContainText("Offline");

    caller = await dialIn(number);
    // Pushed, not polled: the board reloads on the call's change.
    await expect(tile.getByRole("group", { name: "Waiting" })).toContainText("1", { timeout: 3000 });
    const alerts = tile.getByRole("list", { name: "Support alerts" });
    await expect(alerts.getByRole("listitem").first()).toHaveText("1 call waiting (alert at 1)");
    await expect(tile).toContainText("In alert");
    await expect(summary).toContainText("1 queue in alert");
    await expect(page.getByRole("alert").filter({ hasText: "Support: 1 call waiting (alert at 1)." })).toBeAttached();
    // No event marks the 2 s: the board looks again when the server said the alert would start.
    await expect(alerts.getByRole("listitem")).toHaveText(["1 call waiting (alert at 1)", "A caller has waited 2s or more"], { timeout: 5000 });
    await expect(page.getByRole("alert").filter({ hasText: "Support: A caller has waited 2s or more." })).toBeAttached();

    await page.getByLabel("Set state for Bo Agent").selectOption("Available");
    await expect(bo.page.getByLabel("Status")).toHaveValue("available");
    await answer(bo.page);
    await expect(tile.getByRole("group", { name: "Waiting" })).toContainText("0");
    await expect(alerts).toHaveCount(0);
    await expect(summary).toHaveText(/No queue in alert/);
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

    // Today's report: the call in the queue's and the agent's figures, and in the CSV download.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    const filters = page.getByRole("form", { name: "Report filters" });
    await filters.getByLabel("From", { exact: true }).fill(await filters.getByLabel("To", { exact: true }).inputValue());
    await filters.getByRole("button", { name: "Show report" }).click();
    await expect(page).toHaveURL(/[?&]from=(\d{4}-\d{2}-\d{2})&to=\1&/);
    const total = (name: string) => page.getByRole("region", { name: "Totals" }).getByRole("group", { name }).getByRole("definition").first();
    await expect(total("Offered")).toHaveText("1");
    await expect(total("Answered")).toHaveText("1");
    const queueCells = page.getByRole("table", { name: "Queue figures" }).getByRole("row", { name: /Support/ }).getByRole("cell");
    await expect(queueCells.nth(2)).toHaveText("1"); // answered
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    expect(csv.split("\r\n")[0]).toMatch(/^interval,queue,offered,/);
    expect(csv).toMatch(/^\d{4}-\d{2}-\d{2},Support,1,1,0,0,0,/m); // offered, answered, 0 within the threshold, 0%, 0 abandoned
    await page.getByRole("tab", { name: "Agents" }).click();
    const agentCells = page.getByRole("table", { name: "Agent figures" }).getByRole("row", { name: /Bo Agent/ }).getByRole("cell");
    await expect(agentCells.nth(1)).toHaveText("1"); // handled
  } finally {
    await bo.close();
  }
});

test("a supervisor listens to a live call, whispers to the agent, then barges in", async ({ page, baseURL }) => {
  test.setTimeout(120_000); // a second browser, three phases of audio
  // Three voices by frequency: the caller 1 kHz, the agent (this page's microphone) 440 Hz, and
  // the supervisor, in a browser of their own whose microphone plays 660 Hz.
  const { api, number: callNumber } = await callCenter(page, baseURL ?? "");
  const email = uniqueEmail("supervisor");
  expect((await api.post("/api/v1/users", { email, name: "Sue Supervisor", role: "supervisor", password: PASSWORD })).status).toBe(201);
  const supervisorBrowser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${writeToneWav(join(tmpdir(), "hotline-e2e-supervisor-660.wav"), 660, 60)}`, "--autoplay-policy=no-user-gesture-required"],
  });
  try {
    const sup = await (await supervisorBrowser.newContext({ baseURL })).newPage();
    await signIn(sup, email, PASSWORD);
    await sup.goto("/wallboard");
    await goAvailable(page);
    caller = await dialIn(callNumber);
    await answer(page);
    const agentName = (await api.get("/api/v1/sessions")) as { user: { name: string } };
    const name = agentName.user.name;
    const agentHears = async () => {
      const [p660, p1k] = await bandsInBrowser(page, [660, 1000]);
      return (p660 ?? 0) / (p1k || 1);
    };

    await sup.getByRole("button", { name: `Listen to ${name}'s call` }).click();
    const bar = sup.getByRole("region", { name: "Monitoring" });
    await expect(bar).toContainText(`Listening to ${name}'s call`);
    await expect(bar).toContainText("Audio connected", { timeout: 15_000 });
    // Listen: the supervisor hears the caller and the agent; the agent does not hear the supervisor.
    await expect.poll(async () => (await bandsInBrowser(sup, [1000, 440])).every((p) => p > 0), { timeout: 15_000 }).toBe(true);
    // The agent now hears the call through the mixer: still the caller, and not the supervisor.
    await expect.poll(async () => (await bandsInBrowser(page, [1000]))[0] ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    const listening = [Date.now(), 0];
    expect(await agentHears()).toBeLessThan(0.02);
    await page.waitForTimeout(1500);
    listening[1] = Date.now();

    // Whisper: the agent hears the supervisor beside the caller.
    await bar.getByRole("radio", { name: "Whisper" }).click();
    await expect(bar).toContainText(`Whispering to ${name}'s call`);
    await expect.poll(agentHears, { timeout: 15_000 }).toBeGreaterThan(0.1);
    const whispering = [Date.now(), 0];
    await page.waitForTimeout(2000);
    whispering[1] = Date.now();

    // Barge: the caller hears the supervisor too.
    await bar.getByRole("radio", { name: "Barge" }).click();
    await expect(bar).toContainText(`Barged into ${name}'s call`);
    const barging = [Date.now() + 1000, 0];
    await page.waitForTimeout(3500);
    barging[1] = Date.now();

    await bar.getByRole("button", { name: "Stop monitoring" }).click();
    await expect(bar).toBeHidden();
    const hungUp = Date.now();
    await page.getByRole("button", { name: "Hang up" }).click();
    await caller.waitFor("CALL_CLOSED", 10_000);

    // What the caller heard, by phase (its recording is complete once the call is over; it starts
    // with the first packet, so times are counted back from the hang-up, with half a second of
    // margin each side): the supervisor's 660 Hz against the agent's 440 Hz.
    const heard = caller.heard();
    const index = sampleAt(heard, hungUp);
    const supervisorShare = ([from, to]: number[]) => {
      const part = heard.subarray(index((from ?? 0) + 500), index((to ?? 0) - 500));
      expect(part.length).toBeGreaterThan(4000);
      return goertzel(part, 660) / (goertzel(part, 440) || 1);
    };
    expect(supervisorShare(barging)).toBeGreaterThan(0.2);
    expect(supervisorShare(listening)).toBeLessThan(0.02);
    expect(supervisorShare(whispering)).toBeLessThan(0.02);

    const record = await latestCall(api);
    const events = (record.events as Array<{ type: string; data: { mode?: string } }>).filter((e) => e.type.startsWith("monitor_"));
    expect(events.map((e) => [e.type, e.data.mode ?? null])).toEqual([
      ["monitor_started", "listen"],
      ["monitor_mode", "whisper"],
      ["monitor_mode", "barge"],
      ["monitor_ended", null],
    ]);
  } finally {
    await supervisorBrowser.close();
  }
});
