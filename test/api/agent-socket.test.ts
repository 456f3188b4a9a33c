import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCtx } from "@/server/context";
import * as calls from "@/server/services/calls";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

type Reply<T = unknown> = { data?: T; error?: { code: string; message: string } };

async function agentSocket(cookie: string | null): Promise<Socket> {
  const socket = connect(server.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie: cookie ?? "", origin: server.url } });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  });
  return socket;
}

const ask = <T>(s: Socket, event: string, payload: unknown) => s.timeout(5000).emitWithAck(event, payload) as Promise<Reply<T>>;
const next = <T>(s: Socket, event: string) => new Promise<T>((resolve) => s.once(event, resolve));

/** A tenant whose admin is a member of one queue, with a call waiting in it (no SIP: records only). */
async function tenantWithQueue() {
  const admin = await signupClient(server.url);
  const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Support" } });
  await admin.client.call("POST", `/api/v1/queues/${queue.body.id}/agents`, { body: { userId: admin.userId } });
  const trunk = await admin.client.call<{ id: string }>("POST", "/api/v1/trunks", { body: { name: "T", inboundAddresses: ["127.0.0.1"] } });
  const placeCall = async () => {
    const ctx = systemCtx(server.app.deps, admin.tenantId);
    const call = await calls.startInbound({ ctx, input: { fromNumber: "+14155550123", toNumber: "+14155550100", trunkId: trunk.body.id, sipCallId: "x", source: "test" } });
    await calls.enqueue({ ctx, input: { callId: call.id, queueId: queue.body.id } });
    return call.id;
  };
  return { ...admin, queueId: queue.body.id, placeCall };
}

describe("agent verbs over Socket.IO", () => {
  it("goes Available, is offered a waiting call, answers it, and sees the record in a call", async () => {
    const t = await tenantWithQueue();
    const socket = await agentSocket(t.client.cookie);
    try {
      const state = await ask<{ state: string }>(socket, "agent:set-state", { state: "available" });
      expect(state.data?.state).toBe("available");
      const offered = next<{ offerId: string; callId: string; fromNumber: string; queueName: string }>(socket, "call:offered");
      const callId = await t.placeCall();
      const offer = await offered;
      expect(offer).toMatchObject({ callId, fromNumber: "+14155550123", queueName: "Support" });
      const answered = await ask<{ callId: string }>(socket, "call:answer", { offerId: offer.offerId });
      expect(answered.data).toEqual({ callId });
      const record = await t.client.call<{ state: string; agent: { id: string } }>("GET", `/api/v1/calls/${callId}`);
      expect(record.body).toMatchObject({ state: "in_call", agent: { id: t.userId } });
      expect((await ask<{ state: string }>(socket, "agent:get-state", {})).data?.state).toBe("in_call");
      const refused = await ask(socket, "agent:set-state", { state: "offline" });
      expect(refused.error?.code).toBe("conflict");
    } finally {
      socket.close();
    }
  });

  it("declines: the agent is on a short break and the call waits again", async () => {
    const t = await tenantWithQueue();
    const socket = await agentSocket(t.client.cookie);
    try {
      await ask(socket, "agent:set-state", { state: "available" });
      const offered = next<{ offerId: string; callId: string }>(socket, "call:offered");
      const callId = await t.placeCall();
      const offer = await offered;
      const ended = next<{ result: string }>(socket, "call:offer-ended");
      expect((await ask(socket, "call:decline", { offerId: offer.offerId })).error).toBeUndefined();
      expect((await ended).result).toBe("declined");
      expect((await ask<{ state: string; reason: string }>(socket, "agent:get-state", {})).data).toMatchObject({ state: "break", reason: "Declined a call" });
      const record = await t.client.call<{ state: string }>("GET", `/api/v1/calls/${callId}`);
      expect(record.body.state).toBe("queued");
    } finally {
      socket.close();
    }
  });

  it("answers bad payloads with validation errors and another tenant's offer with a conflict", async () => {
    const a = await tenantWithQueue();
    const b = await signupClient(server.url, "b");
    const socketA = await agentSocket(a.client.cookie);
    const socketB = await agentSocket(b.client.cookie);
    try {
      for (const [event, payload] of [
        ["agent:set-state", { state: "ringing" }],
        ["agent:set-state", "available"],
        ["agent:set-state", { state: "available", extra: 1 }],
        ["call:answer", { offerId: "not-a-uuid" }],
        ["call:dtmf", { callId: "00000000-0000-4000-8000-000000000000", digits: "12x" }],
        ["media:connect", { callId: "00000000-0000-4000-8000-000000000000", transportId: "t", dtlsParameters: "nope" }],
      ] as const) {
        const reply = await ask(socketA, event, payload);
        expect(reply.error?.code, `${event} ${JSON.stringify(payload)}`).toBe("validation_failed");
      }
      await ask(socketA, "agent:set-state", { state: "available" });
      const offered = next<{ offerId: string; callId: string }>(socketA, "call:offered");
      const callId = await a.placeCall();
      const offer = await offered;
      const stolen = await ask(socketB, "call:answer", { offerId: offer.offerId });
      expect(stolen.error?.code).toBe("conflict");
      const declined = await ask(socketB, "call:decline", { offerId: offer.offerId });
      expect(declined.error?.code).toBe("not_found");
      expect((await b.client.call("GET", `/api/v1/calls/${callId}`)).status).toBe(404);
      expect((await a.client.call<{ state: string }>("GET", `/api/v1/calls/${callId}`)).body.state).toBe("offering");
    } finally {
      socketA.close();
      socketB.close();
    }
  });
});
