/**
 * The screen pop shows the IVR choices and the wrap-up updates the caller's open ticket: baresip
 * (the caller, a known contact with an open ticket) calls a number whose flow asks for a key,
 * presses 2 (RFC 4733), the offer pops with "Main menu pressed 2" (the flow's labels), the agent answers, hangs up and
 * in the wrap-up adds the call to the existing ticket, changing its status, priority and assignee.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Page, expect, test } from "@playwright/test";
import type { Baresip } from "@/test/peers/baresip";
import { signUp } from "../fixtures";
import { apiOf, dialIn, goAvailable, uniqueNumber } from "./setup";

let caller: Baresip | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
});

/** Screenshots for a visual review when SHOTS_DIR is set: 1280 wide, then 390. */
async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

test("the screen pop shows the caller's IVR choice and the wrap-up updates their open ticket", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signUp(page);
  const api = apiOf(page, baseURL ?? "");
  const me = (await api.get("/api/v1/sessions")) as { user: { id: string; name: string } };
  const sales = (await api.post("/api/v1/queues", { name: "Sales" })).body as { id: string };
  const support = (await api.post("/api/v1/queues", { name: "Support" })).body as { id: string };
  await api.post(`/api/v1/queues/${support.id}/agents`, { userId: me.user.id });
  await api.post("/api/v1/trunks", { name: "Loopback carrier", inboundAddresses: ["127.0.0.1"] });
  const menu = { kind: "tts", text: "For sales press 1. For support press 2." };
  const flow = await api.post("/api/v1/flows", {
    name: "Main menu",
    draft: {
      start: "menu-1",
      nodes: [
        { id: "menu-1", label: "Main menu", type: "menu", prompt: menu, options: [{ digit: "1", next: "queue-1" }, { digit: "2", next: "queue-2" }], timeoutSec: 10, maxRetries: 2, noInput: null },
        { id: "queue-1", type: "queue", queueId: sales.id },
        { id: "queue-2", label: "Support line", type: "queue", queueId: support.id },
      ],
    },
  });
  expect(flow.status, JSON.stringify(flow.body)).toBe(201);
  const flowId = (flow.body as { id: string }).id;
  expect((await api.post(`/api/v1/flows/${flowId}/publish`)).status).toBeLessThan(300);
  const number = uniqueNumber();
  expect((await api.post("/api/v1/numbers", { number, destination: { type: "flow", id: flowId } })).status).toBe(201);

  // The caller is a known contact with a ticket still open.
  const phone = uniqueNumber();
  const contact = await api.post("/api/v1/contacts", { name: "Dana Whitfield", phone });
  expect(contact.status, JSON.stringify(contact.body)).toBe(201);
  const contactId = (contact.body as { id: string }).id;
  const created = await api.post("/api/v1/tickets", { subject: "Router keeps rebooting", description: "Reported by email.", contactId, priority: "normal" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const ticketId = (created.body as { id: string }).id;
  await api.post("/api/v1/dispositions", { name: "Resolved" });

  await goAvailable(page);
  caller = await dialIn(number, { toneHz: 1000, user: phone });
  // Into the menu's prompt (barge-in): support.
  await page.waitForTimeout(1500);
  await caller.sendDtmf("2");

  // At the offer, the "Incoming call" dialog shows the choice, and so does the screen pop behind it.
  const offer = page.getByRole("dialog", { name: "Incoming call" });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await expect(offer.getByRole("list", { name: "IVR choices" }).getByRole("listitem")).toHaveText([/^Main menu\s*pressed\s*2$/, /^→?\s*Support line$/]);
  const screenPop = page.getByRole("region", { name: "Caller" });
  await expect(screenPop.getByRole("list", { name: "IVR choices" }).getByRole("listitem")).toHaveText([/^Main menu\s*pressed\s*2$/, /^→?\s*Support line$/]);
  await expect(page.getByRole("region", { name: "Open tickets" })).toContainText("Router keeps rebooting");
  await shoot(page, "offer-screen-pop");

  await offer.getByRole("button", { name: "Answer" }).click();
  await expect(page.getByRole("button", { name: "Hang up" })).toBeVisible();
  // During the call, the screen pop keeps it.
  await expect(page.getByRole("list", { name: "IVR choices" }).getByRole("listitem")).toHaveText([/^Main menu\s*pressed\s*2$/, /^→?\s*Support line$/]);
  await shoot(page, "in-call-screen-pop");
  await page.waitForTimeout(1000);
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);

  const wrap = page.getByRole("form", { name: "Wrap-up" });
  await expect(wrap).toBeVisible();
  await wrap.getByLabel("Disposition").selectOption({ label: "Resolved" });
  await wrap.getByLabel("Notes").fill("Walked the caller through a firmware update; reboots stopped.");
  await wrap.getByRole("checkbox", { name: "Update an open ticket" }).check();
  await expect(wrap.getByRole("checkbox", { name: "Create a ticket" })).not.toBeChecked();
  await expect(wrap.getByLabel("Ticket to update")).toHaveValue(ticketId);
  await wrap.getByLabel("Ticket status").selectOption("pending");
  await wrap.getByLabel("Ticket priority").selectOption("high");
  await expect(wrap.getByLabel("Assignee").locator("option", { hasText: me.user.name })).toHaveCount(1);
  await wrap.getByLabel("Assignee").selectOption(me.user.id);
  await shoot(page, "wrap-up-update-ticket");
  await wrap.getByRole("button", { name: "Finish" }).click();
  await expect(wrap).toBeHidden();

  const calls = (await api.get("/api/v1/calls")) as Array<{ id: string }>;
  const callId = calls[0]?.id ?? "";
  const record = (await api.get(`/api/v1/calls/${callId}`)) as { ivrPath: string[]; queue: { name: string }; notes: string };
  expect(record.ivrPath).toEqual(["menu-1:2", "queue-2"]);
  expect(record.queue.name).toBe("Support");
  const ticket = (await api.get(`/api/v1/tickets/${ticketId}`)) as { status: string; priority: string; assignee: { id: string } | null; callId: string | null; description: string };
  expect(ticket).toMatchObject({ status: "pending", priority: "high", assignee: { id: me.user.id }, callId });
  expect(ticket.description).toMatch(/^Reported by email\.\n\n— Call on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(call [0-9a-f-]{36}\) —\nWalked the caller through a firmware update; reboots stopped\.$/);
  expect(ticket.description).toContain(`(call ${callId})`);
  // One ticket still: updated, not a new one.
  expect(((await api.get(`/api/v1/tickets?contactId=${contactId}`)) as unknown[]).length).toBe(1);
});
