import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { type TestServer, memberClient, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type ErrorBody = { error: { code: string; message: string } };
const member = (tenantId: string, name: string, role: Role) => memberClient(server, tenantId, name, role);

describe("wallboard and forced agent state over HTTP", () => {
  it("serves the figures to supervisors and admins, not to agents", async () => {
    const admin = await signupClient(server.url);
    const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Sales", serviceLevelSec: 30 } });
    const board = await admin.client.call<{ windowHours: number; queues: Array<Record<string, unknown>> }>("GET", "/api/v1/wallboard");
    expect(board.status).toBe(200);
    expect(board.body.windowHours).toBe(24);
    expect(board.body.queues).toEqual([expect.objectContaining({ id: queue.body.id, name: "Sales", serviceLevelSec: 30, waiting: 0, serviceLevel: null })]);
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
});
