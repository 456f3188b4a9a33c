/**
 * Agents' call verbs over Socket.IO on a server with telephony on (real SIP gateway, mediasoup):
 * click-to-call through the tenant's outbound trunk to a SIPp carrier (which sees the trunk's
 * caller ID and the dialled number, and asks for digest auth), its refusals, and a blind
 * transfer of a real caller (baresip) to another queue, whose agent gets it.
 */
import { eq } from "drizzle-orm";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { trunks } from "@/db/schema";
import { killSipps, runSipp } from "@/media/sip/testing-sipp";
import { type Baresip, startBaresip } from "../peers/baresip";
import { freePort } from "../peers/ports";
import { type Client, type TestServer, memberClient, signupClient, startServer } from "../server";

let server: TestServer;
let sipPort: number;
beforeAll(async () => {
  sipPort = await freePort();
  server = await startServer({
    TELEPHONY: "on",
    SIP_HOST: "127.0.0.1",
    SIP_PORT: String(sipPort),
    RTC_LISTEN_IP: "127.0.0.1",
    RTC_MIN_PORT: "40000",
    RTC_MAX_PORT: "40999",
    MEDIA_WORKERS: "1",
  });
});
afterAll(async () => server?.close());

// One node (no Redis): offers must not be published to other nodes (the in-memory adapter warns on every try).
const warnings = vi.spyOn(console, "warn");
afterAll(() => {
  expect(warnings.mock.calls.filter((c) => String(c[0]).includes("serverSideEmit"))).toEqual([]);
  warnings.mockRestore();
});

const sockets: Socket[] = [];
let caller: Baresip | undefined;
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await caller?.close();
  caller = undefined;
  killSipps();
});

type Reply<T = unknown> = { data?: T; error?: { code: string; message: string } };
type CallRecord = {
  id: string;
  direction: string;
  state: string;
  fromNumber: string;
  toNumber: string;
  trunkId: string | null;
  endReason: string | null;
  recording: { available: boolean };
  agent: { id: string; name: string } | null;
  queue: { id: string; name: string } | null;
  offers: Array<{ agentName: string; result: string }>;
  transfers: Array<{ type: string; data: Record<string, unknown> }>;
  events: Array<{ type: string; data: Record<string, unknown> }>;
};
type Offer = { offerId: string; callId: string; fromNumber: string; queueName: string };

async function agentSocket(client: Client): Promise<Socket> {
  const socket = connect(server.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie: client.cookie ?? "", origin: server.url } });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  });
  return socket;
}
const ask = <T>(s: Socket, event: string, payload: unknown) => s.timeout(10_000).emitWithAck(event, payload) as Promise<Reply<T>>;
const next = <T>(s: Socket, event: string, timeoutMs = 15_000) =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    s.once(event, (v: T) => {
      clearTimeout(t);
      resolve(v);
    });
  });
const record = async (client: Client, id: string) => (await client.call<CallRecord>("GET", `/api/v1/calls/${id}`)).body;
const uniqueNumber = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

/** The INVITEs SIPp received, from its message log (each message follows a "----- <time>" line and a "received" line). */
const invitesIn = (log: string) =>
  log
    .replace(/\r\n/g, "\n")
    .split(/^-{10,}.*$/m)
    .map((m) => m.trim())
    .filter((m) => /^\S+ message received/.test(m))
    .map((m) => m.slice(m.indexOf("\n") + 1).trim())
    .filter((m) => m.startsWith("INVITE "));

describe("click-to-call", () => {
  it("dials through the tenant's outbound trunk: the carrier sees its caller ID and the number, the record is the agent's outbound call", async () => {
    const admin = await signupClient(server.url);
    const agent = await memberClient(server, admin.tenantId, "Olga", "agent");
    const carrier = await runSipp({ scenario: "uas_auth.xml", toneHz: 1000 });
    const callerId = uniqueNumber();
    const trunk = await admin.client.call<{ id: string }>("POST", "/api/v1/trunks", {
      body: { name: "Carrier", outbound: { host: "127.0.0.1", port: carrier.port, username: "trunkuser", password: "trunkpass", callerId } },
    });
    expect(trunk.status).toBe(201);
    // Every node's OPTIONS keep-alive pings a new outbound trunk; SIPp would take that for its one
    // call. Marked as just checked, the trunk is left alone for this test.
    await server.app.database.db.update(trunks).set({ healthCheckedAt: new Date(Date.now() + 3_600_000) }).where(eq(trunks.id, trunk.body.id));

    const socket = await agentSocket(agent.client);
    const dialled = uniqueNumber();
    const reply = await ask<{ callId: string }>(socket, "call:dial", { toNumber: dialled });
    expect(reply.error).toBeUndefined();
    const callId = reply.data?.callId ?? "";
    await expect.poll(async () => (await record(agent.client, callId)).state, { timeout: 15_000 }).toBe("in_call");
    const live = await record(agent.client, callId);
    expect(live).toMatchObject({ direction: "outbound", fromNumber: callerId, toNumber: dialled, trunkId: trunk.body.id, agent: { id: agent.id, name: "Olga" }, queue: null });
    expect(live.events.map((e) => e.type).slice(0, 2)).toEqual(["dial", "answered"]);
    expect(live.events[0]?.data).toEqual({ to: dialled, trunkId: trunk.body.id, userId: agent.id });
    expect((await ask<{ state: string }>(socket, "agent:get-state", {})).data?.state).toBe("in_call");

    expect((await ask(socket, "call:hangup", { callId })).error).toBeUndefined();
    const sipp = await carrier.done;
    expect(sipp.code, `SIPp: ${sipp.stderr.slice(-1000)}\n${sipp.messages.slice(-3000)}`).toBe(0);
    // What the carrier got: the first INVITE (challenged), then the one with credentials.
    const invites = invitesIn(sipp.messages);
    expect(invites).toHaveLength(2);
    for (const invite of invites) {
      expect(invite.split("\n")[0]).toBe(`INVITE sip:${dialled}@127.0.0.1:${carrier.port} SIP/2.0`);
      expect(invite).toMatch(new RegExp(`^From:[^\\n]*<sip:\\${callerId}@`, "m"));
      expect(invite).toMatch(new RegExp(`^To:[^\\n]*<sip:\\${dialled}@127\\.0\\.0\\.1:${carrier.port}>`, "m"));
    }
    expect(invites[1]).toMatch(/^Authorization: Digest [^\n]*username="trunkuser"/m);
    expect(invites[0]).not.toMatch(/^Authorization:/m);

    await expect.poll(async () => (await record(agent.client, callId)).state, { timeout: 5000 }).toBe("ended");
    expect((await record(agent.client, callId)).endReason).toBe("agent_hangup");
    await expect.poll(async () => (await record(agent.client, callId)).recording.available, { timeout: 10_000 }).toBe(true);
    expect((await ask<{ state: string }>(socket, "agent:get-state", {})).data?.state).toBe("after_call_work");
  }, 60_000);

  it("refuses a malformed number and a tenant without an outbound trunk with a clear error, and creates nothing", async () => {
    const admin = await signupClient(server.url);
    const agent = await memberClient(server, admin.tenantId, "Omar", "agent");
    // Inbound only: nothing to dial out through.
    await admin.client.call("POST", "/api/v1/trunks", { body: { name: "Inbound", inboundAddresses: ["127.0.0.1"] } });
    const socket = await agentSocket(agent.client);
    await ask(socket, "agent:set-state", { state: "available" });

    for (const toNumber of ["4155550199", "+1 415 555 0199", "+1415abc0199", "+0415550199", "", 14155550199]) {
      const reply = await ask(socket, "call:dial", { toNumber });
      expect(reply.error?.code, JSON.stringify(toNumber)).toBe("validation_failed");
      expect(reply.error?.message).toMatch(/^toNumber: /);
    }
    const noTrunk = await ask(socket, "call:dial", { toNumber: uniqueNumber() });
    expect(noTrunk.error).toEqual({ code: "conflict", message: "No trunk places outbound calls: add one under Admin, Trunks" });

    expect((await admin.client.call<unknown[]>("GET", "/api/v1/calls")).body).toEqual([]);
    expect((await ask<{ state: string }>(socket, "agent:get-state", {})).data?.state).toBe("available");
  });
});

describe("blind transfer to a queue", () => {
  it("moves a live caller to the other queue, whose agent is offered and answers; the record keeps the transfer", async () => {
    const admin = await signupClient(server.url);
    const sales = (await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Sales" } })).body;
    const billing = (await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Billing" } })).body;
    const seller = await memberClient(server, admin.tenantId, "Sam", "agent");
    const biller = await memberClient(server, admin.tenantId, "Bea", "agent");
    await admin.client.call("POST", `/api/v1/queues/${sales.id}/agents`, { body: { userId: seller.id } });
    await admin.client.call("POST", `/api/v1/queues/${billing.id}/agents`, { body: { userId: biller.id } });
    await admin.client.call("POST", "/api/v1/trunks", { body: { name: "Loopback", inboundAddresses: ["127.0.0.1"] } });
    const number = uniqueNumber();
    expect((await admin.client.call("POST", "/api/v1/numbers", { body: { number, destination: { type: "queue", id: sales.id } } })).status).toBe(201);

    const sam = await agentSocket(seller.client);
    const bea = await agentSocket(biller.client);
    await ask(sam, "agent:set-state", { state: "available" });
    await ask(bea, "agent:set-state", { state: "available" });
    let beaOffered = 0;
    bea.on("call:offered", () => beaOffered++);

    const samOffer = next<Offer>(sam, "call:offered");
    caller = await startBaresip({ toneHz: 1000 });
    await caller.dial(`sip:${number}@127.0.0.1:${sipPort}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    const offer = await samOffer;
    expect(offer.queueName).toBe("Sales");
    expect((await ask(sam, "call:answer", { offerId: offer.offerId })).data).toEqual({ callId: offer.callId });
    expect(beaOffered, "Billing's agent is not offered a Sales call").toBe(0);

    const beaOffer = next<Offer>(bea, "call:offered");
    expect((await ask(sam, "call:transfer", { callId: offer.callId, to: { type: "queue", id: billing.id } })).error).toBeUndefined();
    const second = await beaOffer;
    expect(second).toMatchObject({ callId: offer.callId, queueName: "Billing" });
    expect((await ask<{ state: string }>(sam, "agent:get-state", {})).data?.state).toBe("after_call_work");
    expect((await ask(bea, "call:answer", { offerId: second.offerId })).data).toEqual({ callId: offer.callId });

    const moved = await record(admin.client, offer.callId);
    expect(moved).toMatchObject({ state: "in_call", agent: { id: biller.id, name: "Bea" }, queue: { id: billing.id, name: "Billing" } });
    expect(moved.transfers).toEqual([expect.objectContaining({ type: "transfer_blind", data: { from: seller.id, callId: offer.callId, queueId: billing.id } })]);
    expect(moved.offers.map((o) => [o.agentName, o.result])).toEqual([
      ["Sam", "answered"],
      ["Bea", "answered"],
    ]);
    // The caller stayed on the line throughout; Billing's agent ends the call.
    expect((await ask(bea, "call:hangup", { callId: offer.callId })).error).toBeUndefined();
    await caller.waitFor("CALL_CLOSED", 10_000);
    await expect.poll(async () => (await record(admin.client, offer.callId)).endReason, { timeout: 5000 }).toBe("agent_hangup");
    // One recording for the whole call, both agents' parts.
    await expect.poll(async () => (await record(admin.client, offer.callId)).recording.available, { timeout: 10_000 }).toBe(true);
  }, 60_000);

  it("refuses a transfer by someone not in the call and to another tenant's queue; the call stays with its agent", async () => {
    const admin = await signupClient(server.url);
    const other = await signupClient(server.url, "other");
    const theirs = (await other.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Theirs" } })).body;
    const sales = (await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Sales" } })).body;
    const seller = await memberClient(server, admin.tenantId, "Sam", "agent");
    const bystander = await memberClient(server, admin.tenantId, "Bo", "agent");
    await admin.client.call("POST", `/api/v1/queues/${sales.id}/agents`, { body: { userId: seller.id } });
    await admin.client.call("POST", "/api/v1/trunks", { body: { name: "Loopback", inboundAddresses: ["127.0.0.1"] } });
    const number = uniqueNumber();
    await admin.client.call("POST", "/api/v1/numbers", { body: { number, destination: { type: "queue", id: sales.id } } });

    const sam = await agentSocket(seller.client);
    const bo = await agentSocket(bystander.client);
    await ask(sam, "agent:set-state", { state: "available" });
    const offered = next<Offer>(sam, "call:offered");
    caller = await startBaresip({ toneHz: 1000 });
    await caller.dial(`sip:${number}@127.0.0.1:${sipPort}`);
    await caller.waitFor("CALL_ESTABLISHED", 15_000);
    const offer = await offered;
    await ask(sam, "call:answer", { offerId: offer.offerId });

    // Not their call: it does not exist for them (nothing about it is told).
    expect((await ask(bo, "call:transfer", { callId: offer.callId, to: { type: "queue", id: sales.id } })).error).toEqual({ code: "not_found", message: "No such call of yours on this node" });
    expect((await ask(sam, "call:transfer", { callId: offer.callId, to: { type: "queue", id: theirs.id } })).error?.code).toBe("not_found");
    expect((await ask(sam, "call:transfer", { callId: offer.callId, to: { type: "queue", id: "not-a-queue" } })).error?.code).toBe("validation_failed");
    const unchanged = await record(admin.client, offer.callId);
    expect(unchanged).toMatchObject({ state: "in_call", agent: { id: seller.id }, queue: { id: sales.id }, transfers: [] });
    expect((await ask<{ state: string }>(sam, "agent:get-state", {})).data?.state).toBe("in_call");
    expect((await other.client.call<unknown[]>("GET", "/api/v1/calls")).body).toEqual([]);
    await caller.hangup();
    await caller.waitFor("CALL_CLOSED", 10_000);
    await expect.poll(async () => (await record(admin.client, offer.callId)).recording.available, { timeout: 10_000 }).toBe(true);
  }, 60_000);
});
