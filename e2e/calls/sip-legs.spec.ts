/**
 * Calls that reach beyond the browser through the tenant's SIP side: an agent whose SIP phone
 * (baresip, 600 Hz) answers the offer, and a blind transfer of the caller to a phone number
 * through the tenant's outbound trunk (baresip, 700 Hz), by the agent and by an IVR flow. Both
 * directions checked by frequency.
 */
import { expect, test } from "@playwright/test";
import { dominantFrequency } from "@/media/rtp/tone";
import { type Baresip, startBaresip } from "@/test/peers/baresip";
import { E2E_SIP_PORT } from "../../playwright.config";
import { signUp } from "../fixtures";
import { answer, apiOf, callCenter, goAvailable, heardInBrowser, latestCall, sampleAt, transferFromPanel, uniqueNumber } from "./setup";

const phones: Baresip[] = [];
test.afterEach(async () => {
  for (const p of phones.splice(0)) await p.close();
});
const phone = async (o: Parameters<typeof startBaresip>[0]) => {
  const p = await startBaresip(o);
  phones.push(p);
  return p;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("an agent's SIP phone rings with the offer, answers, and carries the call both ways", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const desk = await phone({ toneHz: 600, user: "desk" }); // not the browser microphone's 440 Hz
  const set = await cc.api.patch(`/api/v1/users/${cc.adminId}`, { sipUri: `sip:desk@127.0.0.1:${desk.sipPort}` });
  expect(set.status).toBe(200);
  await goAvailable(page);
  const caller = await phone({ toneHz: 1000 });
  await caller.dial(`sip:${cc.number}@127.0.0.1:${E2E_SIP_PORT}`);
  await caller.waitFor("CALL_ESTABLISHED", 15_000);
  await desk.waitFor("CALL_ESTABLISHED", 15_000);
  await expect.poll(async () => (await latestCall(cc.api)).state, { timeout: 10_000 }).toBe("in_call");
  // The workspace shows the call, its audio on the phone (no browser audio to connect).
  await expect(page.getByRole("status").filter({ hasText: "On your SIP phone" })).toBeVisible({ timeout: 10_000 });
  await sleep(2500);
  await desk.hangup(); // the agent hangs up on the phone: the call ends for the caller too
  await caller.waitFor("CALL_CLOSED", 10_000);
  const record = await latestCall(cc.api);
  expect(record.state).toBe("ended");
  expect(record.endReason).toBe("agent_hangup");
  expect(record.agent).toMatchObject({ id: cc.adminId });
  expect(record.offers.map((o) => o.result)).toEqual(["answered"]);
  const deskHeard = desk.heard();
  expect(dominantFrequency(deskHeard.subarray(deskHeard.length - 12_000, deskHeard.length - 2000)).hz).toBe(1000);
  // The phone answers at once: what the caller heard, but the first and last half second, is the phone.
  const heard = caller.heard();
  expect(heard.length).toBeGreaterThan(16_000);
  expect(dominantFrequency(heard.subarray(4000, heard.length - 4000)).hz).toBe(600);
  // The workspace shows the wrap-up of a call answered elsewhere.
  await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
});

test("a blind transfer to a number puts the caller through the outbound trunk", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const target = "+15550007000";
  const far = await phone({ toneHz: 700, user: target });
  const trunk = await cc.api.post("/api/v1/trunks", {
    name: "Carrier out",
    inboundAddresses: ["192.0.2.1"],
    outbound: { host: "127.0.0.1", port: far.sipPort, transport: "udp", callerId: "+14155550199" },
  });
  expect(trunk.status).toBe(201);
  await goAvailable(page);
  const caller = await phone({ toneHz: 1000 });
  await caller.dial(`sip:${cc.number}@127.0.0.1:${E2E_SIP_PORT}`);
  await caller.waitFor("CALL_ESTABLISHED", 15_000);
  await answer(page);
  await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
  await transferFromPanel(page, { to: "number", number: target });
  await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
  await far.waitFor("CALL_ESTABLISHED", 15_000);
  const connectedAt = Date.now();
  await sleep(2500);
  const until = Date.now();
  await far.hangup(); // the number hangs up: the caller is hung up too
  await caller.waitFor("CALL_CLOSED", 10_000);
  const farHeard = far.heard();
  expect(dominantFrequency(farHeard.subarray(farHeard.length - 12_000, farHeard.length - 2000)).hz).toBe(1000);
  const heard = caller.heard();
  const at = sampleAt(heard, until);
  expect(dominantFrequency(heard.subarray(at(connectedAt + 500), at(until - 300))).hz).toBe(700);
  const record = await latestCall(cc.api);
  expect(record.endReason).toBe("transfer_party_hangup");
  const types = (record.events as Array<{ type: string; data: Record<string, unknown> }>).map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(["transfer_number", "transfer_connected"]));
});

test("an IVR flow's transfer step puts the caller through to a number; the caller's hang-up ends both", async ({ page, baseURL }) => {
  await signUp(page);
  const api = apiOf(page, baseURL ?? "");
  const target = "+15550007001";
  const far = await phone({ toneHz: 700, user: target });
  const flow = (await api.post("/api/v1/flows", {
    name: "Front desk",
    draft: { start: "out", nodes: [{ id: "out", type: "transfer", number: target }] },
  })).body as { id: string };
  expect((await api.post(`/api/v1/flows/${flow.id}/publish`)).status).toBe(200);
  await api.post("/api/v1/trunks", {
    name: "Carrier",
    inboundAddresses: ["127.0.0.1"],
    outbound: { host: "127.0.0.1", port: far.sipPort, transport: "udp", callerId: "+14155550199" },
  });
  const number = uniqueNumber();
  expect((await api.post("/api/v1/numbers", { number, destination: { type: "flow", id: flow.id } })).status).toBe(201);

  const caller = await phone({ toneHz: 1000 });
  await caller.dial(`sip:${number}@127.0.0.1:${E2E_SIP_PORT}`);
  await caller.waitFor("CALL_ESTABLISHED", 15_000);
  await far.waitFor("CALL_ESTABLISHED", 15_000);
  await sleep(2500);
  await caller.hangup();
  await far.waitFor("CALL_CLOSED", 10_000);
  const farHeard = far.heard();
  expect(dominantFrequency(farHeard.subarray(farHeard.length - 12_000, farHeard.length - 2000)).hz).toBe(1000);
  const heard = caller.heard();
  expect(dominantFrequency(heard.subarray(heard.length - 12_000, heard.length - 2000)).hz).toBe(700);
  await expect.poll(async () => (await latestCall(api)).endReason, { timeout: 10_000 }).toBe("caller_hangup");
  const record = await latestCall(api);
  expect((record.transfers as Array<{ type: string; data: Record<string, unknown> }>).map((t) => [t.type, t.data.to])).toEqual([
    ["transfer_number", target],
    ["transfer_connected", target],
  ]);
});

test("a warm transfer to a number: the agent talks to it first while the caller waits, then completes", async ({ page, baseURL }) => {
  const cc = await callCenter(page, baseURL ?? "");
  const target = "+15550007002";
  const far = await phone({ toneHz: 700, user: target });
  await cc.api.post("/api/v1/trunks", {
    name: "Carrier out",
    inboundAddresses: ["192.0.2.1"],
    outbound: { host: "127.0.0.1", port: far.sipPort, transport: "udp", callerId: "+14155550199" },
  });
  await goAvailable(page);
  const caller = await phone({ toneHz: 1000 });
  await caller.dial(`sip:${cc.number}@127.0.0.1:${E2E_SIP_PORT}`);
  await caller.waitFor("CALL_ESTABLISHED", 15_000);
  await answer(page);
  await expect.poll(() => heardInBrowser(page), { timeout: 15_000 }).toBeGreaterThan(900);
  await transferFromPanel(page, { to: "number", number: target }, "warm");
  const bar = page.getByRole("region", { name: "Consult" });
  await expect(bar).toContainText("Talking", { timeout: 15_000 });
  // The agent hears the number (700 Hz), not the caller, who waits with music.
  await expect.poll(() => heardInBrowser(page), { timeout: 10_000 }).toBeLessThan(800);
  await bar.getByRole("button", { name: "Complete transfer" }).click();
  await expect(page.getByRole("form", { name: "Wrap-up" })).toBeVisible({ timeout: 10_000 });
  const joinedAt = Date.now();
  await sleep(2500);
  const until = Date.now();
  await caller.hangup();
  await far.waitFor("CALL_CLOSED", 10_000);
  const heard = caller.heard();
  const at = sampleAt(heard, until);
  expect(dominantFrequency(heard.subarray(at(joinedAt + 500), at(until - 300))).hz).toBe(700);
  const farHeard = far.heard();
  expect(dominantFrequency(farHeard.subarray(farHeard.length - 12_000, farHeard.length - 2000)).hz).toBe(1000);
  const record = await latestCall(cc.api);
  expect((record.transfers as Array<{ type: string; data: Record<string, unknown> }>).map((t) => [t.type, t.data.number])).toEqual([["transfer_warm", target]]);
  expect((record.events as Array<{ type: string }>).map((e) => e.type)).toEqual(expect.arrayContaining(["consult_offered", "transfer_warm", "ended"]));
});
