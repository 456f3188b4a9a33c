/**
 * Two nodes behind load balancers: a call lives on the node that took its INVITE, while its
 * agent's browser is connected to the other one. The agent's verbs on the call (answer, media
 * signalling, hang up) run on the node that holds it, through Redis; the caller's SIP dialog is
 * never disturbed. Real processes (`server/main.ts`) on one PostgreSQL and one Redis, a real
 * baresip caller.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { type Socket, io as connect } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { type Baresip, startBaresip } from "../peers/baresip";
import { freePort } from "../peers/ports";
import { Client, signupClient } from "../server";
import { type NodeEnv, type ServerProcess, serverProcessEnv, startServerProcess, stopServerProcess } from "../server-process";

const database = process.env.TEST_DATABASE_URL;
const hasKamailio = spawnSync("kamailio", ["-v"]).status === 0;
const redis = process.env.TEST_REDIS_URL;
const dataDir = mkdtempSync(join(tmpdir(), "hotline-cluster-"));
const nodes: ServerProcess[] = [];
let caller: Baresip | undefined;
let desk: Baresip | undefined;
let socket: Socket | undefined;
let kamailio: ChildProcess | undefined;
const callers: Baresip[] = [];
afterAll(async () => {
  // Kamailio forks its workers: the whole process group goes.
  if (kamailio?.pid && kamailio.exitCode === null) process.kill(-kamailio.pid, "SIGKILL");
  await Promise.all(callers.map((c) => c.close()));
  socket?.close();
  await caller?.close();
  await desk?.close();
  await Promise.all(nodes.map((n) => stopServerProcess(n, "SIGKILL")));
  rmSync(dataDir, { recursive: true, force: true });
});

type Reply<T> = { data: T } | { error: { code: string; message: string } };
const ask = <T>(s: Socket, event: string, payload: unknown) => new Promise<Reply<T>>((resolve) => s.timeout(15_000).emit(event, payload, (err: Error | null, reply: Reply<T>) => resolve(err ? { error: { code: "timeout", message: err.message } } : reply)));
const next = <T>(s: Socket, event: string, ms = 20_000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} in ${ms} ms`)), ms);
    s.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

describe.runIf(database && redis)("two nodes sharing PostgreSQL and Redis", () => {
  /** Two nodes (started once), and a fresh tenant on them: a loopback trunk, a queue, a number, an agent in the queue. */
  let cluster: Promise<{ a: ServerProcess; b: ServerProcess; envA: NodeEnv; envB: NodeEnv; shared: Record<string, string> }> | undefined;
  async function tenantOnTwoNodes(agentExtra: Record<string, unknown> = {}) {
    cluster ??= (async () => {
      // Same secret (sessions) and storage on both; each its own SIP port, RTP range and node name.
      const shared = { REDIS_URL: redis as string, APP_SECRET: randomBytes(32).toString("hex") };
      const envA = await serverProcessEnv(dataDir, shared);
      const envB = await serverProcessEnv(dataDir, { ...shared, RTC_MIN_PORT: String(Number(envA.RTC_MIN_PORT) + 1000), RTC_MAX_PORT: String(Number(envA.RTC_MAX_PORT) + 1000) });
      const [a, b] = await Promise.all([startServerProcess(envA), startServerProcess(envB)]);
      nodes.push(a, b);
      return { a, b, envA, envB, shared };
    })();
    const { a, b, envA, envB, shared } = await cluster;
    const admin = await signupClient(a.url, "cluster");
    const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Support", ringTimeoutSec: 30 } });
    await admin.client.call("POST", "/api/v1/trunks", { body: { name: "Loopback", inboundAddresses: ["127.0.0.1"] } });
    const number = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    expect((await admin.client.call("POST", "/api/v1/numbers", { body: { number, destination: { type: "queue", id: queue.body.id } } })).status).toBe(201);
    const email = `agent-${randomBytes(4).toString("hex")}@example.test`;
    const agent = await admin.client.call<{ id: string }>("POST", "/api/v1/users", { body: { email, name: "Ada Agent", role: "agent", password: "a-long-password-1", ...agentExtra } });
    expect(agent.status).toBe(201);
    expect((await admin.client.call("POST", `/api/v1/queues/${queue.body.id}/agents`, { body: { userId: agent.body.id } })).status).toBe(201);
    return { a, b, envA, envB, shared, admin, number, email, agent: agent.body };
  }

  it("an agent connected to one node answers, sets up media for and hangs up a call the other node holds", async () => {
    const { b, envA, admin, number, email, agent } = await tenantOnTwoNodes();

    // The agent signs in and connects to node B.
    const onB = new Client(b.url);
    expect((await onB.call("POST", "/api/v1/sessions", { body: { email, password: "a-long-password-1" } })).status).toBe(200);
    socket = connect(b.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie: onB.cookie ?? "" } });
    await next(socket, "connect", 10_000);
    expect(await ask(socket, "agent:set-state", { state: "available" })).toMatchObject({ data: { state: "available" } });

    // The caller reaches node A; the offer reaches the agent's browser on node B.
    const offered = next<{ offerId: string; callId: string; fromNumber: string }>(socket, "call:offered");
    caller = await startBaresip({ toneHz: 1000 });
    await caller.dial(`sip:${number}@127.0.0.1:${envA.SIP_PORT}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    const offer = await offered;

    // Answered through node B, done by node A (which holds the call): the call stays up.
    expect(await ask(socket, "call:answer", { offerId: offer.offerId })).toEqual({ data: { callId: offer.callId } });
    // The browser's media transports come from node A's mediasoup (its RTP port range).
    const transports = await ask<{ send: { iceCandidates: Array<{ port: number }> }; recv: { iceCandidates: Array<{ port: number }> } }>(socket, "media:transports", { callId: offer.callId });
    expect("data" in transports, JSON.stringify(transports)).toBe(true);
    const ports = "data" in transports ? [...transports.data.send.iceCandidates, ...transports.data.recv.iceCandidates].map((c) => c.port) : [];
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(Number(envA.RTC_MIN_PORT));
      expect(port).toBeLessThanOrEqual(Number(envA.RTC_MAX_PORT));
    }
    // A refusal made on node A reads the same on node B.
    expect(await ask(socket, "media:connect", { callId: offer.callId, transportId: "no-such-transport", dtlsParameters: {} })).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });

    await new Promise((r) => setTimeout(r, 1500));
    const live = await admin.client.call<{ state: string; agent: { id: string } | null; endReason: string | null }>("GET", `/api/v1/calls/${offer.callId}`);
    expect(live.body).toMatchObject({ state: "in_call", agent: { id: agent.id }, endReason: null });

    // Hang up from node B: node A ends the SIP dialog (the caller gets its BYE).
    expect(await ask(socket, "call:hangup", { callId: offer.callId })).toMatchObject({ data: null });
    await caller.waitFor("CALL_CLOSED", 10_000);
    await expect
      .poll(async () => (await admin.client.call<{ state: string; endReason: string }>("GET", `/api/v1/calls/${offer.callId}`)).body, { timeout: 10_000 })
      .toMatchObject({ state: "ended", endReason: "agent_hangup" });
  }, 180_000);

  it("an offer made by the other node rings the agent's desk phone from the node that holds the call", async () => {
    desk = await startBaresip({ toneHz: 600, user: "desk" });
    const { b, envA, admin, number, email, agent } = await tenantOnTwoNodes({ sipUri: `sip:desk@127.0.0.1:${(desk as Baresip).sipPort}` });
    // The caller waits on node A with nobody available.
    await caller?.close();
    caller = await startBaresip({ toneHz: 1000 });
    await caller.dial(`sip:${number}@127.0.0.1:${envA.SIP_PORT}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    const waiting = async () => (await admin.client.call<Array<{ id: string; state: string }>>("GET", "/api/v1/calls")).body[0];
    await expect.poll(async () => (await waiting())?.state, { timeout: 10_000 }).toBe("queued");
    // The agent becomes available through node B: node B's router makes the offer.
    const onB = new Client(b.url);
    expect((await onB.call("POST", "/api/v1/sessions", { body: { email, password: "a-long-password-1" } })).status).toBe(200);
    expect((await onB.call("PUT", "/api/v1/agents/me/state", { body: { state: "available" } })).status).toBe(200);
    // Node A dials the desk phone into the call; it answers by itself.
    await desk.waitFor("CALL_ESTABLISHED", 15_000);
    const callId = (await waiting())?.id ?? "";
    await expect
      .poll(async () => (await admin.client.call<{ state: string; agent: { id: string } | null }>("GET", `/api/v1/calls/${callId}`)).body, { timeout: 10_000 })
      .toMatchObject({ state: "in_call", agent: { id: agent.id } });
    await caller.hangup();
    await desk.waitFor("CALL_CLOSED", 10_000);
  }, 180_000);

  it("a node lost for good: another node ends the calls it held, and their agent goes on to the wrap-up", async () => {
    const { a, envA, shared, admin, number, email } = await tenantOnTwoNodes();
    // A third node, declared lost after 4 s of silence (A and B keep the default 30 s).
    const envC = await serverProcessEnv(dataDir, { ...shared, NODE_LOST_SECONDS: "4", RTC_MIN_PORT: String(Number(envA.RTC_MIN_PORT) + 2000), RTC_MAX_PORT: String(Number(envA.RTC_MAX_PORT) + 2000) });
    const c = await startServerProcess(envC);
    nodes.push(c);

    // The agent works on node A; the caller reaches node C, and the agent answers.
    const onA = new Client(a.url);
    expect((await onA.call("POST", "/api/v1/sessions", { body: { email, password: "a-long-password-1" } })).status).toBe(200);
    socket?.close();
    socket = connect(a.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie: onA.cookie ?? "" } });
    await next(socket, "connect", 10_000);
    expect(await ask(socket, "agent:set-state", { state: "available" })).toMatchObject({ data: { state: "available" } });
    const offered = next<{ offerId: string; callId: string }>(socket, "call:offered");
    await caller?.close();
    caller = await startBaresip({ toneHz: 1000 });
    await caller.dial(`sip:${number}@127.0.0.1:${envC.SIP_PORT}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    const offer = await offered;
    expect(await ask(socket, "call:answer", { offerId: offer.offerId })).toEqual({ data: { callId: offer.callId } });
    const call = async () => (await admin.client.call<{ state: string; endReason: string | null }>("GET", `/api/v1/calls/${offer.callId}`)).body;
    expect(await call()).toMatchObject({ state: "in_call", endReason: null });

    // Node C dies with the call up: no BYE, no drain. Within its 4 s and a round of the others',
    // the record ends as node_lost and the agent is in after-call work, not "In call" for ever.
    await stopServerProcess(c, "SIGKILL");
    await expect.poll(call, { timeout: 30_000, interval: 500 }).toMatchObject({ state: "ended", endReason: "node_lost" });
    expect((await onA.call<{ state: string }>("GET", "/api/v1/agents/me/state")).body).toMatchObject({ state: "after_call_work" });
  }, 180_000);

  // Last in this file: it stops node A.
  it.runIf(hasKamailio)("behind Kamailio's dispatcher (docs/kamailio/kamailio.cfg): calls spread over the nodes, stay on theirs to the BYE, and a draining node gets none", async () => {
    const { a, b, envA, envB, admin, number } = await tenantOnTwoNodes();
    const port = await freePort();
    const list = join(dataDir, "dispatcher.list");
    writeFileSync(list, `1 sip:127.0.0.1:${envA.SIP_PORT}\n1 sip:127.0.0.1:${envB.SIP_PORT}\n`);
    let log = "";
    kamailio = spawn("kamailio", ["-f", "docs/kamailio/kamailio.cfg", "-DD", "-E", "-A", `LISTEN=udp:127.0.0.1:${port}`, "-A", `DISPATCHER_LIST="${list}"`], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    kamailio.stderr?.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
    const mediaCalls = async (n: ServerProcess) => Number(/^hotline_media_calls (\d+)$/m.exec(await (await fetch(`${n.url}/metrics`)).text())?.[1] ?? NaN);
    const dial = async () => {
      const c = await startBaresip({ toneHz: 1000 });
      callers.push(c);
      await c.dial(`sip:${number}@127.0.0.1:${port}`);
      await c.waitFor("CALL_ESTABLISHED", 15_000).catch((e: unknown) => {
        throw new Error(`${(e as Error).message}\nkamailio:\n${log.slice(-3000)}`);
      });
      return c;
    };
    await new Promise((r) => setTimeout(r, 2500)); // the dispatcher's first probes find both nodes

    // Two callers through Kamailio: round robin puts one on each node.
    const before = [await mediaCalls(a), await mediaCalls(b)];
    const first = await dial();
    await dial();
    expect([(await mediaCalls(a)) - (before[0] ?? 0), (await mediaCalls(b)) - (before[1] ?? 0)]).toEqual([1, 1]);

    // The first caller hangs up while waiting (abandoned): the BYE follows the route Kamailio
    // recorded to the node that holds the call.
    const list2 = async () => (await admin.client.call<Array<{ state: string; endReason: string | null }>>("GET", "/api/v1/calls")).body;
    await first.hangup();
    await expect.poll(async () => (await list2()).filter((c) => c.state === "ended").map((c) => c.endReason), { timeout: 10_000 }).toEqual(["abandoned"]);

    // Node A drains: it answers the probes and new INVITEs 503, so the next caller lands on B.
    a.proc.kill("SIGTERM");
    await expect.poll(() => /draining/.test(a.output()) || /taking no new calls/.test(a.output()), { timeout: 10_000 }).toBe(true);
    const onB = await mediaCalls(b);
    await dial();
    expect(await mediaCalls(b)).toBe(onB + 1);
    expect((await list2()).filter((c) => c.state !== "ended")).toHaveLength(2);
  }, 180_000);
});
