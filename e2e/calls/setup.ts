/** The power spectrum of what the page's remote <audio> plays, summed over one second (WebAudio). */
async function spectrumInBrowser(page: Page): Promise<{ power: number[]; binHz: number } | null> {
  return page.evaluate(async () => {
    const el = [...document.querySelectorAll("audio")].find((a) => a.srcObject instanceof MediaStream);
    if (!el) return null;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 8192;
    // Every stream the agent receives (direct, then a mix or a prompt): the <audio> plays them all,
    // while a MediaStream source would read only one of its tracks.
    for (const track of (el.srcObject as MediaStream).getAudioTracks()) ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    await ctx.resume();
    const power = new Array<number>(analyser.frequencyBinCount).fill(0);
    const db = new Float32Array(analyser.frequencyBinCount);
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 100));
      analyser.getFloatFrequencyData(db);
      for (let k = 0; k < db.length; k++) power[k] = (power[k] ?? 0) + 10 ** ((db[k] ?? -200) / 10);
    }
    await ctx.close();
    return { power, binHz: ctx.sampleRate / analyser.fftSize };
  });
}

/** The dominant frequency of what the page's remote <audio> plays, over one second. */
export async function heardInBrowser(page: Page): Promise<number> {
  const s = await spectrumInBrowser(page);
  if (!s) return 0;
  let best = Math.ceil(100 / s.binHz);
  for (let k = best; k < s.power.length; k++) if ((s.power[k] ?? 0) > (s.power[best] ?? 0)) best = k;
  return best * s.binHz;
}

/** The power within 15 Hz of each of `hz` in what the page plays, over one second (relative units). */
export async function bandsInBrowser(page: Page, hz: number[]): Promise<number[]> {
  const s = await spectrumInBrowser(page);
  if (!s) return hz.map(() => 0);
  return hz.map((f) => s.power.reduce((sum, p, k) => (Math.abs(k * s.binHz - f) <= 15 ? sum + p : sum), 0));
}

/**
 * Where wall-clock time `t` falls in a recording of what a phone heard (8 kHz), counted back from
 * `endedAt`, when the call ended: the recording starts with the first packet, not at the answer.
 */
export const sampleAt = (pcm: Int16Array, endedAt: number) => (t: number) => Math.max(0, pcm.length - Math.round(((endedAt - t) / 1000) * 8000));

/**
 * A baresip caller (1 kHz unless told) who dials `number` at the e2e server and is connected
 * (queue, IVR or agent answered). A caller that never connects is closed before the error.
 */
export async function dialIn(number: string, opts: Parameters<typeof startBaresip>[0] = { toneHz: 1000 }): Promise<Baresip> {
  const caller = await startBaresip(opts);
  try {
    await caller.dial(`sip:${number}@127.0.0.1:${E2E_SIP_PORT}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    return caller;
  } catch (e) {
    await caller.close();
    throw e;
  }
}

/** Waits for the offer in `page` and answers it. */
export async function answer(page: Page) {
  const offer = page.getByRole("dialog", { name: "Incoming call" });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await offer.getByRole("button", { name: "Answer" }).click();
  await expect(page.getByRole("button", { name: "Hang up" })).toBeVisible();
}

/** A tenant ready to take calls: a queue, a loopback trunk, a number, and agents signed in. */
import { type Browser, type Page, expect } from "@playwright/test";
import { dominantFrequency } from "@/media/rtp/tone";
import { type Baresip, startBaresip } from "@/test/peers/baresip";
import { E2E_SIP_PORT } from "../../playwright.config";
import { PASSWORD, signIn, signUp, uniqueEmail } from "../fixtures";

export const uniqueNumber = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

export interface ApiClient {
  get(path: string): Promise<unknown>;
  post(path: string, data?: unknown): Promise<{ status: number; body: unknown }>;
  patch(path: string, data: unknown): Promise<{ status: number; body: unknown }>;
}

export function apiOf(page: Page, baseURL: string): ApiClient {
  const headers = { origin: baseURL };
  const wrap = async (r: Awaited<ReturnType<Page["request"]["post"]>>) => ({ status: r.status(), body: await r.json().catch(() => null) });
  return {
    get: async (path) => (await page.request.get(path)).json(),
    post: async (path, data) => wrap(await page.request.post(path, { data, headers })),
    patch: async (path, data) => wrap(await page.request.patch(path, { data, headers })),
  };
}

/** Signs up a tenant in `page`, with a queue the admin is a member of, a trunk and a number. */
export async function callCenter(page: Page, baseURL: string, queue: Record<string, unknown> = {}) {
  const admin = await signUp(page);
  const api = apiOf(page, baseURL);
  const me = (await api.get("/api/v1/sessions")) as { user: { id: string } };
  const q = (await api.post("/api/v1/queues", { name: "Support", ...queue })).body as { id: string };
  await api.post(`/api/v1/queues/${q.id}/agents`, { userId: me.user.id });
  await api.post("/api/v1/trunks", { name: "Loopback carrier", inboundAddresses: ["127.0.0.1"] });
  const number = uniqueNumber();
  const created = await api.post("/api/v1/numbers", { number, destination: { type: "queue", id: q.id } });
  expect(created.status).toBe(201);
  return { api, adminId: me.user.id, adminEmail: admin.email, queueId: q.id, number };
}

/** A second agent in the same queue, signed in in a browser context of its own. */
export async function secondAgent(browser: Browser, api: ApiClient, queueId: string, name = "Bo Agent") {
  const email = uniqueEmail("agent");
  const user = (await api.post("/api/v1/users", { email, name, role: "agent", password: PASSWORD })).body as { id: string };
  await api.post(`/api/v1/queues/${queueId}/agents`, { userId: user.id });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/agent$/); // agents land in their workspace

  return { page, userId: user.id, close: () => context.close() };
}

export async function goAvailable(page: Page) {
  if (!page.url().endsWith("/agent")) await page.goto("/agent");
  // A choice made while the page is still loading the agent's state can be undone by it (rare,
  // noted in the session note); choose again until the server's answer shows.
  await expect(async () => {
    await page.getByLabel("Status").selectOption({ label: "Available" });
    await expect(page.getByLabel("Status")).toHaveValue("available", { timeout: 3000 });
  }).toPass({ timeout: 20_000 });
}

export async function latestCall(api: ApiClient): Promise<Record<string, unknown> & { id: string; offers: Array<{ result: string; userId: string }>; endReason: string | null; state: string }> {
  const list = (await api.get("/api/v1/calls")) as Array<{ id: string }>;
  const first = list[0];
  if (!first) throw new Error("no calls recorded");
  return (await api.get(`/api/v1/calls/${first.id}`)) as never;
}

/**
 * The share of 250 ms slices of `pcm` (8 kHz) whose dominant frequency is within 20 Hz of `hz`:
 * near 1 for a steady tone, low for music on hold (whose notes change every half second, one of
 * them an A at 440 Hz).
 */
export function toneShare(pcm: Int16Array, hz: number): number {
  const slice = 2000;
  let hits = 0;
  let total = 0;
  for (let i = 0; i + slice <= pcm.length; i += slice, total++) if (Math.abs(dominantFrequency(pcm.subarray(i, i + slice)).hz - hz) <= 20) hits++;
  return total === 0 ? 0 : hits / total;
}

/**
 * What a phone heard between two stretches of the steady `hz` tone (an agent's voice): the audio
 * after the first second-long run of it and before the last one. For phases told apart by what
 * they sound like, not by the clock: a phone's recording has gaps where no packet came (the
 * mixer skips frames when the event loop stalls), so wall-clock times drift from its samples.
 * Empty when the tone never stopped (or never came back).
 */
export function betweenTone(pcm: Int16Array, hz: number): Int16Array {
  const slice = 2000; // 250 ms
  const isTone = (i: number) => Math.abs(dominantFrequency(pcm.subarray(i * slice, (i + 1) * slice)).hz - hz) <= 20;
  const n = Math.floor(pcm.length / slice);
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < n; ) {
    if (!isTone(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isTone(j)) j++;
    if (j - i >= 4) runs.push([i, j]);
    i = j;
  }
  const first = runs[0];
  const last = runs.at(-1);
  if (!first || !last || first === last) return new Int16Array(0);
  return pcm.subarray(first[1] * slice, last[0] * slice);
}

/**
 * The agent transfers the call in the Transfer dialog: to the first other agent or to a number,
 * blind ("Transfer call") or warm ("Consult": the consult bar follows).
 */
export async function transferFromPanel(page: Page, o: { to: "agent" } | { to: "number"; number: string }, mode: "blind" | "warm" = "blind") {
  await page.getByRole("button", { name: "Transfer" }).click();
  const dialog = page.getByRole("dialog", { name: "Transfer" });
  if (o.to === "agent") {
    await dialog.getByLabel("Transfer to").selectOption({ label: "An agent" });
    await dialog.getByLabel("Agent").selectOption({ index: 1 });
  } else {
    await dialog.getByLabel("Transfer to").selectOption({ label: "A phone number" });
    await dialog.getByLabel("Phone number").fill(o.number);
  }
  if (mode === "warm") await dialog.getByLabel("Type").selectOption({ label: "Warm (talk first)" });
  await dialog.getByRole("button", { name: mode === "warm" ? "Consult" : "Transfer call" }).click();
}
