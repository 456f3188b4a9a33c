/**
 * Transcripts end to end: an admin turns on "Transcribe recorded calls", a real softphone
 * (baresip) whose microphone plays recorded human speech calls in, the agent answers in the
 * browser and hangs up, and the call's page shows what the caller said (PocketSphinx on the
 * server, from the sealed recording), playable from each utterance and searchable.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Page, expect, test } from "@playwright/test";
import { pcmWav } from "@/server/prompts/wav-file";
import { phoneSpeech } from "@/server/transcription/speech-fixtures";
import type { Baresip } from "@/test/peers/baresip";
import { openAdmin } from "../fixtures";
import { answer, callCenter, dialIn, goAvailable, latestCall } from "./setup";

const RATE = 8000;

/** "go forward ten meters" after 1 s of silence, then silence: the file outlasts the call (baresip hangs up at its end). */
function speechWav(dir: string): string {
  const speech = phoneSpeech("goForward");
  const pcm = new Int16Array(RATE * 120);
  pcm.set(speech, RATE);
  const path = join(dir, "go-forward.wav");
  writeFileSync(path, pcmWav(pcm, RATE));
  return path;
}

let caller: Baresip | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await caller?.close();
  caller = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A caller who says "go forward ten meters", answered in the browser, hung up after 5 s and wrapped up. */
async function speakingCall(page: Page, number: string) {
  dir = mkdtempSync(join(tmpdir(), "hotline-e2e-speech-"));
  await goAvailable(page);
  caller = await dialIn(number, { sourceWav: speechWav(dir) });
  await answer(page);
  await page.waitForTimeout(5000);
  await page.getByRole("button", { name: "Hang up" }).click();
  await caller.waitFor("CALL_CLOSED", 10_000);
  const wrap = page.getByRole("form", { name: "Wrap-up" });
  await wrap.getByRole("button", { name: "Finish" }).click();
  await expect(wrap).toBeHidden();
}

test("a recorded call is transcribed: the caller's words on the call's page, playable and searchable", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const cc = await callCenter(page, baseURL ?? "");

  // The admin turns transcription on next to the recording switch.
  await openAdmin(page, "Recordings");
  await expect(page.getByRole("checkbox", { name: "Record every call" })).toBeChecked();
  const transcribe = page.getByRole("checkbox", { name: "Transcribe recorded calls" });
  await expect(transcribe).toBeEnabled();
  await expect(transcribe).not.toBeChecked();
  await expect(transcribe).toHaveAccessibleDescription(/PocketSphinx.*Card numbers, long numbers and e-mail addresses are masked/);
  await transcribe.check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  expect(await cc.api.get("/api/v1/settings")).toMatchObject({ transcriptionEnabled: true, transcriptionProvider: "pocketsphinx" });
  await page.reload();
  await expect(transcribe).toBeChecked();

  // A caller who speaks, answered in the browser, hung up after a few seconds and wrapped up.
  await speakingCall(page, cc.number);

  // The transcript is made once the recording is sealed; the page follows it until it is done.
  const { id } = await latestCall(cc.api);
  const started = Date.now();
  await page.goto(`/calls/${id}`);
  const section = page.getByRole("region", { name: "Transcript" });
  const utterances = section.getByRole("list", { name: "Utterances" }).getByRole("listitem");
  const said = utterances.filter({ hasText: /go forward/i });
  // Followed through the API too, so that a failure says where the job stands (its status, its
  // attempts, its error, what it heard).
  const job = async () => JSON.stringify(await cc.api.get(`/api/v1/calls/${id}/transcript`));
  await expect.poll(job, { timeout: 150_000, intervals: [2000] }).toMatch(/"status":"(done|failed)"/);
  test.info().annotations.push({ type: "transcript", description: `done ${Math.round((Date.now() - started) / 1000)} s after the call's page opened` });
  expect(await job()).toMatch(/"status":"done".*go forward/i);
  await expect(said.first()).toBeVisible({ timeout: 10_000 });
  await expect(section.getByText("Transcribing…")).toBeHidden();
  await expect(said.first()).toContainText("Caller");
  await expect(section).toContainText(/PocketSphinx · (American English|English)/);

  // The page lists every utterance the API has, in order; the caller's clip is on the caller's side.
  const t = (await cc.api.get(`/api/v1/calls/${id}/transcript`)) as { status: string; segments: { speaker: "caller" | "agent"; startMs: number; text: string }[] };
  expect(t.status).toBe("done");
  await expect(utterances).toHaveCount(t.segments.length);
  const starts = t.segments.map((s) => s.startMs);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  const callerSegments = t.segments.filter((s) => s.speaker === "caller");
  expect(callerSegments.some((s) => /go forward/.test(s.text))).toBe(true);
  // The agent's microphone is a 440 Hz tone: PocketSphinx may hear nothing in it, or a few words
  // of noise. Whatever it heard is labelled the agent's, and never the clip's words.
  const agentSegments = t.segments.filter((s) => s.speaker === "agent");
  await expect(utterances.filter({ has: page.getByText("Agent", { exact: true }) })).toHaveCount(agentSegments.length);
  expect(agentSegments.every((s) => !/go forward/.test(s.text))).toBe(true);

  // The time plays the recording from where the caller started speaking (keyboard too).
  const first = callerSegments.find((s) => /go forward/.test(s.text)) ?? { startMs: 0 };
  const at = `${Math.floor(first.startMs / 60_000)}:${String(Math.floor(first.startMs / 1000) % 60).padStart(2, "0")}`;
  await said.first().getByRole("button", { name: `Play from ${at}` }).focus();
  await page.keyboard.press("Enter");
  const player = page.getByLabel("Call recording");
  await expect
    .poll(() => player.evaluate((a: HTMLAudioElement, from) => ({ playing: !a.paused, from: a.currentTime >= from - 0.01 }), Math.floor(first.startMs / 1000)))
    .toEqual({ playing: true, from: true });
  await player.evaluate((a: HTMLAudioElement) => a.pause());

  // Find in transcript narrows the list and marks the words.
  const find = section.getByRole("searchbox", { name: "Find in transcript" });
  if (t.segments.length > 1) {
    await find.fill("forward");
    await expect(section.getByRole("status")).toContainText(/\d+ of \d+ utterances match “forward”\./);
    await expect(utterances).toHaveCount(t.segments.filter((s) => s.text.includes("forward")).length);
    await expect(said.first().locator("mark")).toHaveText("forward");
    await find.fill("no such words");
    await expect(section.getByRole("status")).toHaveText("Nothing said matches “no such words”.");
    await expect(utterances).toHaveCount(0);
    await find.fill("");
    await expect(utterances).toHaveCount(t.segments.length);
  } else await expect(find).toHaveCount(0);
});

test("a call recorded while transcription was off is transcribed when a supervisor asks", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const cc = await callCenter(page, baseURL ?? "");
  await speakingCall(page, cc.number);
  const { id } = await latestCall(cc.api);

  await page.goto(`/calls/${id}`);
  const section = page.getByRole("region", { name: "Transcript" });
  await expect(section.getByRole("heading", { name: "No transcript" })).toBeVisible({ timeout: 15_000 });
  await expect(section).toContainText("This call was not transcribed: transcription was off for your organization when it ended.");
  await section.getByRole("button", { name: "Transcribe" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Transcribing…" })).toBeVisible();
  const said = section.getByRole("list", { name: "Utterances" }).getByRole("listitem").filter({ hasText: /go forward/i });
  await expect(said.first()).toBeVisible({ timeout: 90_000 });
  await expect(said.first()).toContainText("Caller");
  await expect(section.getByRole("button", { name: "Transcribe" })).toHaveCount(0);

  // Asked again while it is done: it starts over; asked twice in a row, the second is refused in words.
  expect((await cc.api.post(`/api/v1/calls/${id}/transcript`)).status).toBe(202);
  const again = await cc.api.post(`/api/v1/calls/${id}/transcript`);
  expect(again).toMatchObject({ status: 409, body: { error: { code: "conflict", message: "This call's transcript is already on its way" } } });
});
