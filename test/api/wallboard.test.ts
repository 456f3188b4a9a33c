import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import type { Ctx } from "@/server/context";
import { makeQueuedCall } from "../factories";
import { type TestServer, memberClient, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type ErrorBody = { error: { code: string; message: string } };
type Alert = { kind: string; threshold: number; value: number; message: string };
type Tile = { id: string; waiting: number; oldestWaitingSince: string | null; alerts: Alert[]; nextAlertAt: string | null };
const member = (tenantId: string, name: string, role: Role) => memberClient(server, tenantId, name, role);

describe("wallboard and forced agent state over HTTP", () => {
  it("serves the figures to supervisors and admins, not to agents", async () => {
    const admin = await signupClient(server.url);
    const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Sales", serviceLevelSec: 30 } });
    const board = await admin.client.call<{ windowHours: number; queues: Array<Record<string, unknown>> }>("GET", "/api/v1/wallboard");
    expect(board.status).toBe(200);
    expect(board.body.windowHours).toBe(24);
    expect(board.body.queues).toEqual([expect.objectContaining({ id: queue.body.id, name: "Sales", serviceLevelSec: 30, waiting: 0, serviceLevel: null, alerts: [], nextAlertAt: null })]);
    const sup = await member(admin.tenantId, "Sue", "supervisor");
    expect((await sup.client.call("GET", "/api/v1/wallboard")).status).toBe(200);
    const agent = await member(admin.tenantId, "Al", "agent");
    const denied = await agent.client.call<ErrorBody>("GET", "/api/v1/wallboard");
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("forbidden");
  });

  it("lets a supervisor set an agent's state; refuses agents, bad input and other tenants' users with nothing changed", async () => {
    const admin = await signupClient(server.url);
    const sup = await member(admin.tenantId, "Sue", "supervisor");
    const al = await member(admin.tenantId, "Al", "agent");
    const bea = await member(admin.tenantId, "Bea", "agent");
    const state = async () => (await al.client.call<{ state: string; reason: string | null }>("GET", "/api/v1/agents/me/state")).body;

    const set = await sup.client.call<{ state: string; reason: string }>("PUT", `/api/v1/agents/${al.id}/state`, { body: { state: "break", reason: "Coaching" } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ userId: al.id, state: "break", reason: "Coaching" });
    expect(await state()).toMatchObject({ state: "break", reason: "Coaching" });

    const byAgent = await bea.client.call<ErrorBody>("PUT", `/api/v1/agents/${al.id}/state`, { body: { state: "available" } });
    expect(byAgent.status).toBe(403);
    for (const body of [{ state: "in_call" }, { state: "available", reason: "x" }, { state: "break", extra: 1 }, {}]) {
      const bad = await sup.client.call<ErrorBody>("PUT", `/api/v1/agents/${al.id}/state`, { body });
      expect(bad.status, JSON.stringify(body)).toBe(422);
    }
    const other = await signupClient(server.url);
    const theirs = await member(other.tenantId, "Zed", "agent");
    for (const id of [theirs.id, randomUUID(), "not-a-uuid"]) {
      const missing = await sup.client.call<ErrorBody>("PUT", `/api/v1/agents/${id}/state`, { body: { state: "available" } });
      expect(missing.status, id).toBe(404);
    }
    expect((await theirs.client.call<{ state: string }>("GET", "/api/v1/agents/me/state")).body.state).toBe("offline");
    expect(await state()).toMatchObject({ state: "break", reason: "Coaching" });
  });

  it("sets a queue's alert thresholds (admins only, own queues only) and reports the ones breached on the wallboard", async () => {
    const admin = await signupClient(server.url);
    const sup = await member(admin.tenantId, "Sue", "supervisor");
    const created = await admin.client.call<{ id: string; alertLongestWaitSec: number | null }>("POST", "/api/v1/queues", { body: { name: "Support", serviceLevelSec: 45 } });
    expect(created.body.alertLongestWaitSec).toBe(45); // the service level, as the wallboard alerted before
    const path = `/api/v1/queues/${created.body.id}`;
    const set = await admin.client.call<Record<string, unknown>>("PATCH", path, { body: { alertMaxWaiting: 2, alertServiceLevelPct: 80, alertAbandonRatePct: 10 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ alertMaxWaiting: 2, alertLongestWaitSec: 45, alertServiceLevelPct: 80, alertAbandonRatePct: 10 });

    const sys: Ctx = { deps: server.app.deps, tenantId: admin.tenantId, actor: { kind: "system", role: "admin" } };
    await makeQueuedCall(sys, created.body.id, "+14155550101");
    const one = await sup.client.call<{ queues: Tile[] }>("GET", "/api/v1/wallboard");
    expect(one.body.queues[0]).toMatchObject({ waiting: 1, alerts: [] });
    // Not yet 45 s: the board says when the longest-wait alert starts.
    const since = one.body.queues[0]?.oldestWaitingSince ?? "";
    expect(one.body.queues[0]?.nextAlertAt).toBe(new Date(Date.parse(since) + 45_000).toISOString());
    await makeQueuedCall(sys, created.body.id, "+14155550102");
    const two = await sup.client.call<{ queues: Tile[] }>("GET", "/api/v1/wallboard");
    expect(two.body.queues[0]?.alerts).toEqual([{ kind: "waiting", threshold: 2, value: 2, message: "2 calls waiting (alert at 2)" }]);

    // A supervisor reads but does not change a queue; bad values are explained; nothing changes.
    const bySup = await sup.client.call<ErrorBody>("PATCH", path, { body: { alertMaxWaiting: 10 } });
    expect(bySup.status).toBe(403);
    for (const [body, message] of [
      [{ alertMaxWaiting: -1 }, "alertMaxWaiting: must be at least 1 call (or null to turn this alert off)"],
      [{ alertServiceLevelPct: 120 }, "alertServiceLevelPct: must be at most 100% (or null to turn this alert off)"],
      [{ alertAbandonRatePct: 12.5 }, "alertAbandonRatePct: must be a whole percentage"],
    ] as const) {
      const bad = await admin.client.call<ErrorBody>("PATCH", path, { body });
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.body.error).toMatchObject({ code: "validation_failed", message });
    }
    // Another tenant's admin: 404, as if the queue did not exist.
    const other = await signupClient(server.url, "other");
    const foreign = await other.client.call<ErrorBody>("PATCH", path, { body: { alertMaxWaiting: 100 } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
    expect((await admin.client.call<Record<string, unknown>>("GET", path)).body).toEqual(set.body);

    // Turned off: the alert is gone from the board.
    await admin.client.call("PATCH", path, { body: { alertMaxWaiting: null } });
    expect((await sup.client.call<{ queues: Tile[] }>("GET", "/api/v1/wallboard")).body.queues[0]?.alerts).toEqual([]);
  });

  it("describes the alerts in the OpenAPI document", async () => {
    type Schema = { properties: Record<string, Schema>; items: Schema; required?: string[] };
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>> };
    const tile = doc.paths["/api/v1/wallboard"]?.get?.responses["200"]?.content["application/json"]?.schema.properties.queues?.items;
    expect(tile?.required).toEqual(expect.arrayContaining(["alerts", "nextAlertAt"]));
    expect(Object.keys(tile?.properties.alerts?.items.properties ?? {}).sort()).toEqual(["kind", "message", "threshold", "value"]);
  });
});
