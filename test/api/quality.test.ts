import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { calls as callsTable } from "@/db/schema";
import type { Ctx } from "@/server/context";
import * as calls from "@/server/services/calls";
import { makeQueuedCall, testDeps } from "../factories";
import { type TestServer, memberClient, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type ErrorBody = { error: { code: string; message: string } };
type Card = { id: string; criteria: Array<{ id: string }>; evaluations: number };

/** A tenant with a scorecard and one call its agent Al answered (written through the services). */
async function tenantWithCall() {
  const admin = await signupClient(server.url);
  const al = await memberClient(server, admin.tenantId, "Al", "agent");
  const sup = await memberClient(server, admin.tenantId, "Sue", "supervisor");
  const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Support" } });
  const sys: Ctx = { deps: testDeps(server.app.database.db), tenantId: admin.tenantId, actor: { kind: "system", role: "admin" } };
  const call = await makeQueuedCall(sys, queue.body.id);
  // Al on it (as if the offer was answered), then the caller hung up.
  await server.app.database.db.update(callsTable).set({ agentId: al.id, state: "in_call", answeredAt: new Date() }).where(eq(callsTable.id, call.id));
  await calls.end({ ctx: sys, input: { callId: call.id, reason: "caller_hangup" } });
  const card = await admin.client.call<Card>("POST", "/api/v1/scorecards", { body: { name: "QA", criteria: [{ label: "Greeting", weight: 2 }, { label: "Resolution", weight: 3 }] } });
  expect(card.status).toBe(201);
  return { admin, al, sup, callId: call.id, card: card.body };
}

describe("QA scorecards and evaluations over HTTP", () => {
  it("admins define scorecards, supervisors score calls, agents read their own scores only", async () => {
    const { admin, al, sup, callId, card } = await tenantWithCall();
    const answers = card.criteria.map((c, i) => ({ criterionId: c.id, score: i === 0 ? 5 : 3 }));
    expect((await sup.client.call<ErrorBody>("POST", "/api/v1/scorecards", { body: { name: "Mine", criteria: [{ label: "X" }] } })).status).toBe(403);
    expect((await al.client.call<ErrorBody>("POST", `/api/v1/calls/${callId}/evaluations`, { body: { scorecardId: card.id, answers } })).status).toBe(403);
    const scored = await sup.client.call<{ scorePct: number; agent: { id: string } }>("POST", `/api/v1/calls/${callId}/evaluations`, { body: { scorecardId: card.id, answers, comment: "Good" } });
    expect(scored.status).toBe(201);
    // (2x5 + 3x3) / (2x5 + 3x5) = 19/25.
    expect(scored.body).toMatchObject({ scorePct: 76, agent: { id: al.id } });
    expect((await al.client.call<unknown[]>("GET", `/api/v1/calls/${callId}/evaluations`)).body).toHaveLength(1);
    expect((await al.client.call<{ averagePct: number }>("GET", "/api/v1/evaluations")).body.averagePct).toBe(76);
    expect((await admin.client.call<Card>("GET", `/api/v1/scorecards/${card.id}`)).body.evaluations).toBe(1);
    const locked = await admin.client.call<ErrorBody>("PATCH", `/api/v1/scorecards/${card.id}`, { body: { criteria: [{ label: "New" }] } });
    expect(locked.status).toBe(409);
    expect((await admin.client.call<ErrorBody>("DELETE", `/api/v1/scorecards/${card.id}`)).status).toBe(409);
  });

  it("answers bad input with 422 and another tenant's ids with 404, changing nothing", async () => {
    const { admin, sup, callId, card } = await tenantWithCall();
    for (const body of [{ name: "", criteria: [{ label: "X" }] }, { name: "No criteria", criteria: [] }, { name: "W", criteria: [{ label: "X", weight: 11 }] }, { name: "Extra", criteria: [{ label: "X" }], color: "red" }]) {
      expect((await admin.client.call("POST", "/api/v1/scorecards", { body })).status, JSON.stringify(body)).toBe(422);
    }
    expect((await admin.client.call<ErrorBody>("POST", "/api/v1/scorecards", { body: { name: "QA", criteria: [{ label: "X" }] } })).status).toBe(409);
    const answers = card.criteria.map((c) => ({ criterionId: c.id, score: 6 }));
    expect((await sup.client.call("POST", `/api/v1/calls/${callId}/evaluations`, { body: { scorecardId: card.id, answers } })).status).toBe(422);

    const other = await signupClient(server.url);
    const theirs = await other.client.call<Card>("POST", "/api/v1/scorecards", { body: { name: "Theirs", criteria: [{ label: "X" }] } });
    const theirAnswers = [{ criterionId: theirs.body.criteria[0]?.id, score: 1 }];
    for (const [method, path, body] of [
      ["GET", `/api/v1/scorecards/${theirs.body.id}`, undefined],
      ["PATCH", `/api/v1/scorecards/${theirs.body.id}`, { name: "Hijacked" }],
      ["DELETE", `/api/v1/scorecards/${theirs.body.id}`, undefined],
      ["GET", `/api/v1/scorecards/${randomUUID()}`, undefined],
      ["GET", `/api/v1/calls/${randomUUID()}/evaluations`, undefined],
    ] as const) {
      expect((await admin.client.call(method, path, { body })).status, `${method} ${path}`).toBe(404);
    }
    // Their supervisor cannot score our call, even on their own scorecard.
    expect((await other.client.call("POST", `/api/v1/calls/${callId}/evaluations`, { body: { scorecardId: theirs.body.id, answers: theirAnswers } })).status).toBe(404);
    expect((await other.client.call<Card>("GET", `/api/v1/scorecards/${theirs.body.id}`)).body).toMatchObject({ evaluations: 0 });
    expect((await other.client.call<Array<{ name: string }>>("GET", "/api/v1/scorecards")).body.map((c) => c.name)).toEqual(["Theirs"]);
    expect((await admin.client.call<{ items: unknown[] }>("GET", "/api/v1/evaluations")).body.items).toEqual([]);
  });
});
