/** A number whose IVR sends callers to voicemail: the caller's message is kept on the call record. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { dominantFrequency } from "@/media/rtp/tone";
import { readWav } from "@/media/rtp/wav";
import { startBaresip } from "@/test/peers/baresip";
import { E2E_SIP_PORT } from "../../playwright.config";
import { signUp } from "../fixtures";
import { apiOf, latestCall, uniqueNumber } from "./setup";

test("a caller leaves a voicemail through the IVR and it is recorded on the call", async ({ page, baseURL }) => {
  await signUp(page);
  const api = apiOf(page, baseURL ?? "");
  const flow = (await api.post("/api/v1/flows", {
    name: "After hours",
    draft: { start: "vm", nodes: [{ id: "vm", type: "voicemail", prompt: { kind: "tts", text: "We are closed. Please leave a message." } }] },
  })).body as { id: string };
  expect((await api.post(`/api/v1/flows/${flow.id}/publish`)).status).toBe(200);
  await api.post("/api/v1/trunks", { name: "Loopback carrier", inboundAddresses: ["127.0.0.1"] });
  const number = uniqueNumber();
  await api.post("/api/v1/numbers", { number, destination: { type: "flow", id: flow.id } });

  const caller = await startBaresip({ toneHz: 1000 });
  try {
    await caller.dial(`sip:${number}@127.0.0.1:${E2E_SIP_PORT}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    await expect.poll(async () => (await latestCall(api)).state, { timeout: 15_000 }).toBe("voicemail");
    await page.waitForTimeout(3000); // the message: baresip's 1 kHz
    await caller.hangup();
    await caller.waitFor("CALL_CLOSED", 10_000);
  } finally {
    await caller.close();
  }
  await expect.poll(async () => (await latestCall(api)).endReason, { timeout: 10_000 }).toBe("voicemail");
  await expect.poll(async () => ((await latestCall(api)).recording as { available: boolean }).available, { timeout: 10_000 }).toBe(true);
  const record = await latestCall(api);
  const wav = Buffer.from(await (await page.request.get(`/api/v1/calls/${record.id}/recording`)).body());
  const dir = mkdtempSync(join(tmpdir(), "hotline-vm-"));
  writeFileSync(join(dir, "vm.wav"), wav);
  const caller1k = readWav(join(dir, "vm.wav")).data[0] as Int16Array;
  expect(caller1k.length).toBeGreaterThan(8000 * 2);
  expect(dominantFrequency(caller1k.subarray(caller1k.length - 12_000, caller1k.length - 4000)).hz).toBe(1000);
});
