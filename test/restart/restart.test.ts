/**
 * Nothing about a call is lost when its process dies: the real server (its own process, with
 * telephony) takes a baresip call into a queue, is killed with SIGKILL mid-call, and starts
 * again on the same database; the call's record then says how it ended (node_restarted).
 * And a node asked to stop (SIGTERM) drains: no new calls, the live one goes on to its end.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runSipp } from "@/media/sip/testing-sipp";
import { type Baresip, startBaresip } from "../peers/baresip";
import { Client, signupClient } from "../server";
import { serverProcessEnv, startServerProcess } from "../server-process";

const dataDir = mkdtempSync(join(tmpdir(), "hotline-restart-"));
let server: ChildProcess | undefined;
let caller: Baresip | undefined;
afterAll(async () => {
  await caller?.close();
  server?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

const start = startServerProcess;
const serverEnv = () => serverProcessEnv(dataDir, { DRAIN_SECONDS: "30" });
// No NODE_ID: the default (host and SIP port) must find the calls the killed process left open.

/** A tenant on the running server with a queue number and a loopback trunk; a caller waiting in it. */
async function callWaiting(url: string, sipPort: string) {
  const admin = await signupClient(url);
  const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Support" } });
  await admin.client.call("POST", "/api/v1/trunks", { body: { name: "Loopback", inboundAddresses: ["127.0.0.1"] } });
  const number = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  expect((await admin.client.call("POST", "/api/v1/numbers", { body: { number, destination: { type: "queue", id: queue.body.id } } })).status).toBe(201);
  await caller?.close();
  caller = await startBaresip({ toneHz: 1000 });
  await caller.dial(`sip:${number}@127.0.0.1:${sipPort}`);
  await caller.waitFor("CALL_ESTABLISHED", 15_000);
  const waiting = async () => (await admin.client.call<Array<{ id: string; state: string }>>("GET", "/api/v1/calls")).body[0];
  await expect.poll(async () => (await waiting())?.state, { timeout: 10_000 }).toBe("queued");
  return { admin, number, callId: (await waiting())?.id ?? "" };
}

it("a call in progress when its process is killed is recorded as ended by the restart", async () => {
  const env = await serverEnv();
  const first = await start(env);
  server = first.proc;
  const { admin, callId } = await callWaiting(first.url, env.SIP_PORT);

  first.proc.kill("SIGKILL");
  await new Promise((r) => first.proc.once("exit", r));
  const second = await start(env);
  server = second.proc;
  const again = new Client(second.url);
  again.cookie = admin.client.cookie; // the session is in the database: it survives too
  const record = await again.call<{ state: string; endReason: string; events: Array<{ type: string; data: Record<string, unknown> }> }>("GET", `/api/v1/calls/${callId}`);
  expect(record.status).toBe(200);
  expect(record.body.state).toBe("ended");
  expect(record.body.endReason).toBe("node_restarted");
  expect(record.body.events.map((e) => e.type)).toEqual(expect.arrayContaining(["queued", "ended"]));
  second.proc.kill("SIGTERM");
  await new Promise((r) => second.proc.once("exit", r));
  server = undefined;
}, 120_000);

it("a node asked to stop takes no new calls, lets the live one finish, then exits by itself", async () => {
  const env = await serverEnv();
  const first = await start(env);
  server = first.proc;
  const { admin, number, callId } = await callWaiting(first.url, env.SIP_PORT);
  const exited = new Promise<number | null>((r) => first.proc.once("exit", r));
  first.proc.kill("SIGTERM");
  await expect.poll(async () => (await fetch(`${first.url}/readyz`)).status, { timeout: 5000 }).toBe(503);
  expect(await (await fetch(`${first.url}/readyz`)).json()).toMatchObject({ status: "draining" });
  // A new caller is turned away with 503 (a SIP load balancer tries another node).
  const second = await (await runSipp({ scenario: "uac_reject.xml", target: `127.0.0.1:${env.SIP_PORT}`, service: number, extra: ["-key", "codecs", "0"] })).done;
  expect([...second.messages.matchAll(/^SIP\/2\.0 (\d{3})/gm)].map((m) => Number(m[1])).filter((c) => c >= 200), `SIPp exit ${second.code}: ${second.stderr.slice(-500)}`).toEqual([503]);
  // The live call is untouched until its caller hangs up; then the node stops on its own.
  const live = (await admin.client.call<{ state: string; endReason: string | null; events: unknown[] }>("GET", `/api/v1/calls/${callId}`)).body;
  expect({ state: live.state, endReason: live.endReason }, JSON.stringify(live.events)).toEqual({ state: "queued", endReason: null });
  await caller?.hangup();
  expect(await exited).toBe(0);
  server = undefined;
  const again = await start(env);
  server = again.proc;
  const c = new Client(again.url);
  c.cookie = admin.client.cookie;
  const record = await c.call<{ state: string; endReason: string }>("GET", `/api/v1/calls/${callId}`);
  expect(record.body).toMatchObject({ state: "ended", endReason: "abandoned" });
  again.proc.kill("SIGTERM");
  await new Promise((r) => again.proc.once("exit", r));
  server = undefined;
}, 120_000);
