import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
const today = new Date().toISOString().slice(0, 10);
const period = `from=${today}&to=${today}`;

describe("historical reports over HTTP", () => {
  it("serves queue and agent reports to supervisors and admins, as JSON and as a CSV download; not to agents", async () => {
    const admin = await signupClient(server.url);
    const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "=Sales, EU" } });
    // A caller who waited and hung up: one call offered to the queue, abandoned.
    const sys: Ctx = { deps: testDeps(server.app.database.db), tenantId: admin.tenantId, actor: { kind: "system", role: "admin" } };
    const call = await makeQueuedCall(sys, queue.body.id);
    await calls.end({ ctx: sys, input: { callId: call.id, reason: "caller_hangup" } });

    const sup = await memberClient(server, admin.tenantId, "Sue", "supervisor");
    const report = await sup.client.call<{ buckets: string[]; queues: Array<Record<string, unknown>>; total: Record<string, unknown> }>("GET", `/api/v1/reports/queues?${period}`);
    expect(report.status).toBe(200);
    expect(report.body.buckets).toEqual([today]);
    expect(report.body.queues).toEqual([expect.objectContaining({ queueId: queue.body.id, offered: 1, answered: 0, abandoned: 1, abandonRate: 1 })]);
    expect((await admin.client.call("GET", `/api/v1/reports/agents?${period}&interval=hour&timeZone=America/New_York`)).status).toBe(200);

    const csv = await sup.client.call<string>("GET", `/api/v1/reports/queues?${period}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="queues-${today}-to-${today}.csv"`);
    const lines = csv.body.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^interval,queue,offered,answered,/);
    // The queue's name is quoted (a comma) and kept from running as a formula (the "=").
    expect(lines[1]).toBe(`${today},"'=Sales, EU",1,0,0,,1,1,,,${lines[1]?.split(",").at(-1)}`);

    const agent = await memberClient(server, admin.tenantId, "Al", "agent");
    for (const path of ["/api/v1/reports/queues", "/api/v1/reports/agents"]) {
      const denied = await agent.client.call<ErrorBody>("GET", `${path}?${period}`);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe("forbidden");
    }
  });

  it("refuses bad periods with 422 and a readable message, and another tenant's queue with 404", async () => {
    const admin = await signupClient(server.url);
    for (const [qs, message] of [
      ["from=2026-03-10&to=2026-03-09", "to: is before from"],
      ["from=2026-01-01&to=2026-06-30", "to: a report covers at most 92 days"],
      ["from=2026-03-01&to=2026-03-09&interval=hour", "interval: by the hour, a report covers at most 7 days"],
      ["from=2026-03-01&to=2026-03-02&timeZone=Nowhere/Land", "timeZone: is not a known time zone (IANA, like Europe/Paris)"],
      ["from=yesterday&to=2026-03-02", "from: Invalid ISO date"],
      ["from=2026-03-01&to=2026-03-02&format=xlsx", 'format: Invalid option: expected one of "json"|"csv"'],
      ["from=2026-03-01&to=2026-03-02&limit=5", "unknown field(s): limit"],
      ["to=2026-03-02", "from: Invalid input: expected string, received undefined"],
    ]) {
      const bad = await admin.client.call<ErrorBody>("GET", `/api/v1/reports/queues?${qs}`);
      expect(bad.status, qs).toBe(422);
      expect(bad.body.error.message, qs).toBe(message);
    }
    const other = await signupClient(server.url);
    const theirs = await other.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Theirs" } });
    for (const id of [theirs.body.id, randomUUID()]) {
      for (const path of ["/api/v1/reports/queues", "/api/v1/reports/agents"]) {
        const missing = await admin.client.call<ErrorBody>("GET", `${path}?${period}&queueId=${id}`);
        expect(missing.status, `${path} ${id}`).toBe(404);
      }
    }
    const unauthenticated = await fetch(`${server.url}/api/v1/reports/queues?${period}`);
    expect(unauthenticated.status).toBe(401);
  });

  it("is in the OpenAPI document with its query parameters", async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const op = doc.paths["/api/v1/reports/queues"].get;
    expect(op["x-required-role"]).toBe("supervisor");
    expect(op.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([
      ["from", true],
      ["to", true],
      ["interval", false],
      ["timeZone", false],
      ["queueId", false],
      ["format", false],
    ]);
    expect(Object.keys(op.responses["200"].content)).toEqual(["application/json", "text/csv"]);
  });
});
