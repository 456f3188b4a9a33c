import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Role, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { uniqueEmail } from "../factories";
import { Client, type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type QueueBody = { id: string; name: string; overflow: unknown; skills: unknown[]; agentCount: number } & Record<string, unknown>;
type Member = { userId: string; name: string; email: string; role: string };

const PASSWORD = "a-long-password-1";

/** A user of the tenant written straight to the database (the users API is not under test here). */
async function makeUser(tenantId: string, name: string, role: Role = "agent") {
  const [row] = await server.app.database.db
    .insert(users)
    .values({ tenantId, email: uniqueEmail(name.toLowerCase()), name, role, passwordHash: await hashPassword(PASSWORD) })
    .returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

/** A signed-in browser-like client for a user made with makeUser. */
async function signIn(email: string) {
  const client = new Client(server.url);
  const res = await client.call("POST", "/api/v1/sessions", { body: { email, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

const snapshot = async (client: Client, id: string) => ({
  queue: (await client.call<QueueBody>("GET", `/api/v1/queues/${id}`)).body,
  agents: (await client.call<Member[]>("GET", `/api/v1/queues/${id}/agents`)).body,
});

describe("queues API", () => {
  it("creates with defaults (id at the top level), lists, reads, updates and deletes a queue", async () => {
    const { client } = await signupClient(server.url);
    const created = await client.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Support" } });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toMatchObject({
      name: "Support",
      strategy: "longest-idle",
      ringTimeoutSec: 20,
      maxWaitSec: 600,
      maxWaitAction: "voicemail",
      overflow: null,
      serviceLevelSec: 20,
      priority: 0,
      skills: [],
      agentCount: 0,
      announceEverySec: null,
      announcePosition: true,
      announceWaitTime: true,
      alertMaxWaiting: null,
      alertLongestWaitSec: 20,
      alertServiceLevelPct: null,
      alertAbandonRatePct: null,
    });
    expect(Object.keys(created.body).sort()).toEqual([
      "agentCount",
      "alertAbandonRatePct",
      "alertLongestWaitSec",
      "alertMaxWaiting",
      "alertServiceLevelPct",
      "announceEverySec",
      "announcePosition",
      "announceWaitTime",
      "createdAt",
      "id",
      "maxWaitAction",
      "maxWaitSec",
      "name",
      "overflow",
      "priority",
      "ringTimeoutSec",
      "serviceLevelSec",
      "skills",
      "strategy",
      "updatedAt",
    ]);
    const id = created.body.id;
    const list = await client.call<QueueBody[]>("GET", "/api/v1/queues");
    expect(list.status).toBe(200);
    expect(list.body).toEqual([created.body]);
    expect((await client.call<QueueBody>("GET", `/api/v1/queues/${id}`)).body).toEqual(created.body);

    const patched = await client.call<QueueBody>("PATCH", `/api/v1/queues/${id}`, {
      body: { strategy: "round-robin", ringTimeoutSec: 45, maxWaitAction: "callback", priority: 7 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Support", strategy: "round-robin", ringTimeoutSec: 45, maxWaitAction: "callback", priority: 7, maxWaitSec: 600 });

    expect((await client.call("DELETE", `/api/v1/queues/${id}`)).status).toBe(204);
    const gone = await client.call<ErrorBody>("GET", `/api/v1/queues/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");
    expect((await client.call<ErrorBody>("DELETE", `/api/v1/queues/${id}`)).status).toBe(404);
    expect((await client.call("GET", "/api/v1/queues")).body).toEqual([]);
  });

  it("takes skills and an overflow queue; refuses foreign skills, self overflow and duplicate names", async () => {
    const { client } = await signupClient(server.url);
    const other = await signupClient(server.url, "other");
    const skill = await client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Spanish" } });
    const foreignSkill = await other.client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Spanish" } });
    const target = await client.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Tier 2" } });
    const q = await client.call<QueueBody>("POST", "/api/v1/queues", {
      body: { name: "Tier 1", skills: [{ skillId: skill.body.id, minLevel: 4 }], overflow: { queueId: target.body.id, afterSec: 120 } },
    });
    expect(q.status).toBe(201);
    expect(q.body.skills).toEqual([{ skillId: skill.body.id, name: "Spanish", minLevel: 4 }]);
    expect(q.body.overflow).toEqual({ queueId: target.body.id, afterSec: 120 });

    const refusals = [
      { method: "POST", path: "/api/v1/queues", body: { name: "X", skills: [{ skillId: foreignSkill.body.id, minLevel: 1 }] }, status: 422, field: "skills" },
      { method: "PATCH", path: `/api/v1/queues/${q.body.id}`, body: { skills: [{ skillId: foreignSkill.body.id, minLevel: 1 }] }, status: 422, field: "skills" },
      { method: "PATCH", path: `/api/v1/queues/${q.body.id}`, body: { overflow: { queueId: q.body.id, afterSec: 30 } }, status: 422, field: "overflow.queueId" },
      { method: "POST", path: "/api/v1/queues", body: { name: "Y", overflow: { queueId: randomUUID(), afterSec: 30 } }, status: 422, field: "overflow.queueId" },
      { method: "POST", path: "/api/v1/queues", body: { name: "Tier 2" }, status: 409 },
      { method: "PATCH", path: `/api/v1/queues/${q.body.id}`, body: { name: "Tier 2" }, status: 409 },
    ];
    for (const r of refusals) {
      const res = await client.call<ErrorBody>(r.method, r.path, { body: r.body });
      expect(res.status, JSON.stringify(r.body)).toBe(r.status);
      expect(res.body.error.code).toBe(r.status === 409 ? "conflict" : "validation_failed");
      if (r.field) expect(res.body.error.details).toEqual({ field: r.field });
    }
    expect((await client.call<QueueBody>("GET", `/api/v1/queues/${q.body.id}`)).body).toEqual(q.body);
    expect((await client.call<QueueBody[]>("GET", "/api/v1/queues")).body.map((x) => x.name)).toEqual(["Tier 1", "Tier 2"]);

    expect((await client.call("DELETE", `/api/v1/queues/${target.body.id}`)).status).toBe(204);
    expect((await client.call<QueueBody>("GET", `/api/v1/queues/${q.body.id}`)).body.overflow).toBeNull();
  });

  it("sets position and wait announcements, changes and turns them off, and explains bad values", async () => {
    const { client } = await signupClient(server.url);
    const created = await client.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Support", announceEverySec: 45, announceWaitTime: false } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ announceEverySec: 45, announcePosition: true, announceWaitTime: false });
    const path = `/api/v1/queues/${created.body.id}`;
    const patched = await client.call<QueueBody>("PATCH", path, { body: { announceEverySec: 15, announceWaitTime: true } });
    expect(patched.body).toMatchObject({ announceEverySec: 15, announcePosition: true, announceWaitTime: true });
    expect((await client.call<QueueBody[]>("GET", "/api/v1/queues")).body[0]).toMatchObject({ announceEverySec: 15 });

    const refusals: Array<[unknown, RegExp]> = [
      [{ announceEverySec: 14 }, /announceEverySec: must be at least 15 seconds/],
      [{ announceEverySec: 601 }, /announceEverySec: must be at most 600 seconds/],
      [{ announceEverySec: 20.5 }, /announceEverySec: must be a whole number of seconds/],
      [{ announceEverySec: "30" }, /announceEverySec: must be a number of seconds \(15 to 600\), or null/],
      [{ announcePosition: "yes" }, /announcePosition: must be true or false/],
      [{ announcePosition: false, announceWaitTime: false }, /announceEverySec: announcements need announcePosition or announceWaitTime/],
    ];
    for (const [body, message] of refusals) {
      const res = await client.call<ErrorBody>("PATCH", path, { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.message).toMatch(message);
    }
    const nothingToSay = await client.call<ErrorBody>("POST", "/api/v1/queues", { body: { name: "Mute", announceEverySec: 30, announcePosition: false, announceWaitTime: false } });
    expect(nothingToSay.status).toBe(422);
    expect(nothingToSay.body.error.details).toEqual({ field: "announceEverySec" });
    expect((await client.call<QueueBody>("GET", path)).body).toEqual(patched.body);

    const off = await client.call<QueueBody>("PATCH", path, { body: { announceEverySec: null, announcePosition: false, announceWaitTime: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ announceEverySec: null, announcePosition: false, announceWaitTime: false });
    expect((await client.call<QueueBody[]>("GET", "/api/v1/queues")).body.map((q) => q.name)).toEqual(["Support"]);
  });

  it("adds (201, then 200), lists and removes queue agents", async () => {
    const { client, tenantId, userId: adminId } = await signupClient(server.url);
    const q = await client.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Sales" } });
    const agent = await makeUser(tenantId, "Zoe");
    const path = `/api/v1/queues/${q.body.id}/agents`;

    const added = await client.call("POST", path, { body: { userId: agent.id } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ queueId: q.body.id, userId: agent.id });
    const again = await client.call("POST", path, { body: { userId: agent.id } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(added.body);
    expect((await client.call("POST", path, { body: { userId: adminId } })).status).toBe(201);

    const members = await client.call<Member[]>("GET", path);
    expect(members.status).toBe(200);
    expect(members.body).toEqual([
      { userId: adminId, name: "Admin", email: expect.any(String), role: "admin" },
      { userId: agent.id, name: "Zoe", email: agent.email, role: "agent" },
    ]);
    expect((await client.call<QueueBody>("GET", `/api/v1/queues/${q.body.id}`)).body.agentCount).toBe(2);

    const removed = await client.call("DELETE", path, { body: { userId: agent.id } });
    expect(removed.status).toBe(204);
    const notMember = await client.call<ErrorBody>("DELETE", path, { body: { userId: agent.id } });
    expect(notMember.status).toBe(404);
    expect(notMember.body.error.code).toBe("not_found");
    const unknown = await client.call<ErrorBody>("POST", path, { body: { userId: randomUUID() } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    expect((await client.call<Member[]>("GET", path)).body.map((m) => m.userId)).toEqual([adminId]);
    expect((await client.call<ErrorBody>("GET", `/api/v1/queues/${randomUUID()}/agents`)).status).toBe(404);
  });

  it("answers another tenant's queue with 404 everywhere and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const q = await a.client.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Private" } });
    const agentA = await makeUser(a.tenantId, "Amy");
    const agentB = await makeUser(b.tenantId, "Bea");
    await a.client.call("POST", `/api/v1/queues/${q.body.id}/agents`, { body: { userId: agentA.id } });
    const before = await snapshot(a.client, q.body.id);

    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/api/v1/queues/${q.body.id}`],
      ["PATCH", `/api/v1/queues/${q.body.id}`, { name: "Stolen" }],
      ["PATCH", `/api/v1/queues/${q.body.id}`, { announceEverySec: 15 }],
      ["PATCH", `/api/v1/queues/${q.body.id}`, { alertMaxWaiting: 1, alertServiceLevelPct: 99 }],
      ["DELETE", `/api/v1/queues/${q.body.id}`],
      ["GET", `/api/v1/queues/${q.body.id}/agents`],
      ["POST", `/api/v1/queues/${q.body.id}/agents`, { userId: agentB.id }],
      ["DELETE", `/api/v1/queues/${q.body.id}/agents`, { userId: agentA.id }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await b.client.call<ErrorBody>(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await b.client.call("GET", "/api/v1/queues")).body).toEqual([]);

    // A's own queue, B's user: the user is not found, and nothing is added.
    const foreignUser = await a.client.call<ErrorBody>("POST", `/api/v1/queues/${q.body.id}/agents`, { body: { userId: agentB.id } });
    expect(foreignUser.status).toBe(404);
    expect(foreignUser.body.error.code).toBe("not_found");
    expect((await a.client.call<ErrorBody>("DELETE", `/api/v1/queues/${q.body.id}/agents`, { body: { userId: agentB.id } })).status).toBe(404);
    // B cannot make its own queue overflow into A's.
    const overflow = await b.client.call<ErrorBody>("POST", "/api/v1/queues", { body: { name: "Sneaky", overflow: { queueId: q.body.id, afterSec: 30 } } });
    expect(overflow.status).toBe(422);

    expect(await snapshot(a.client, q.body.id)).toEqual(before);
    expect((await b.client.call("GET", "/api/v1/queues")).body).toEqual([]);
  });

  it("answers a malformed id in the path with 404", async () => {
    const { client } = await signupClient(server.url);
    for (const [method, path] of [
      ["GET", "/api/v1/queues/not-a-uuid"],
      ["PATCH", "/api/v1/queues/not-a-uuid"],
      ["DELETE", "/api/v1/queues/1"],
      ["GET", "/api/v1/queues/not-a-uuid/agents"],
    ] as const) {
      const res = await client.call<ErrorBody>(method, path, { body: method === "PATCH" ? { name: "x" } : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });

  it("refuses bad input with a code and writes nothing", async () => {
    const { client, tenantId } = await signupClient(server.url);
    const existing = await client.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Existing" } });
    const before = await snapshot(client, existing.body.id);
    const huge = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) });
    const cases = [
      { opts: { raw: "{not json" }, status: 400, code: "invalid_json" },
      { opts: { body: { name: 42 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", ringTimeoutSec: "20" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", skills: "none" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", extra: true } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", overflow: { queueId: existing.body.id, afterSec: 30, extra: 1 } } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", strategy: "random" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", ringTimeoutSec: 4 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", ringTimeoutSec: 301 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", maxWaitSec: 86_401 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", priority: 101 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", priority: 1.5 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", serviceLevelSec: 0 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", overflow: { queueId: existing.body.id, afterSec: 4 } } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", skills: [{ skillId: randomUUID(), minLevel: 11 }] } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", skills: [{ skillId: randomUUID(), minLevel: 3 }] } }, status: 422, code: "validation_failed" },
      { opts: { body: ["name", "x"] }, status: 422, code: "validation_failed" },
      { opts: { raw: huge }, status: 413, code: "payload_too_large" },
      { opts: { raw: "name=x", contentType: "application/x-www-form-urlencoded" }, status: 415, code: "unsupported_media_type" },
      { opts: { body: { name: "x" }, headers: { origin: "http://evil.example" } }, status: 403, code: "csrf_failed" },
    ];
    for (const c of cases) {
      const res = await client.call<ErrorBody>("POST", "/api/v1/queues", c.opts);
      expect(res.status, JSON.stringify(c.opts).slice(0, 100)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
    const patchCases = [
      { opts: { raw: "{" }, status: 400 },
      { opts: { body: { name: null } }, status: 422 },
      { opts: { body: { agentCount: 5 } }, status: 422 },
      { opts: { body: { maxWaitSec: 5 } }, status: 422 },
      { opts: { body: { overflow: { queueId: "nope", afterSec: 30 } } }, status: 422 },
      { opts: { raw: huge }, status: 413 },
    ];
    for (const c of patchCases) {
      const res = await client.call<ErrorBody>("PATCH", `/api/v1/queues/${existing.body.id}`, c.opts);
      expect(res.status, JSON.stringify(c.opts).slice(0, 100)).toBe(c.status);
    }
    const agent = await makeUser(tenantId, "Ned");
    const agentsPath = `/api/v1/queues/${existing.body.id}/agents`;
    for (const [method, opts, status] of [
      ["POST", { raw: "nope" }, 400],
      ["POST", { body: {} }, 422],
      ["POST", { body: { userId: "not-a-uuid" } }, 422],
      ["POST", { body: { userId: agent.id, role: "admin" } }, 422],
      ["POST", { raw: JSON.stringify({ userId: agent.id, pad: "x".repeat(1024 * 1024) }) }, 413],
      ["DELETE", {}, 415],
      ["DELETE", { body: { userId: 7 } }, 422],
    ] as const) {
      const res = await client.call<ErrorBody>(method, agentsPath, opts);
      expect(res.status, `${method} ${JSON.stringify(opts).slice(0, 80)}`).toBe(status);
    }

    const anonymous = new Client(server.url);
    for (const [method, path] of [
      ["GET", "/api/v1/queues"],
      ["POST", "/api/v1/queues"],
      ["GET", `/api/v1/queues/${existing.body.id}`],
      ["PATCH", `/api/v1/queues/${existing.body.id}`],
      ["DELETE", `/api/v1/queues/${existing.body.id}`],
      ["GET", agentsPath],
      ["POST", agentsPath],
    ] as const) {
      const res = await anonymous.call<ErrorBody>(method, path, { body: method === "GET" ? undefined : { name: "x", userId: agent.id } });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
    const badKey = await new Client(server.url, "hl_not-a-real-key").call<ErrorBody>("GET", "/api/v1/queues");
    expect(badKey.status).toBe(401);

    expect(await snapshot(client, existing.body.id)).toEqual(before);
    expect((await client.call<QueueBody[]>("GET", "/api/v1/queues")).body.map((q) => q.name)).toEqual(["Existing"]);
  });

  it("lets agents and supervisors read queues but not change them", async () => {
    const { client: admin, tenantId } = await signupClient(server.url);
    const q = await admin.call<QueueBody>("POST", "/api/v1/queues", { body: { name: "Front desk" } });
    const agentUser = await makeUser(tenantId, "Agent", "agent");
    const supervisorUser = await makeUser(tenantId, "Super", "supervisor");
    await admin.call("POST", `/api/v1/queues/${q.body.id}/agents`, { body: { userId: agentUser.id } });
    const before = await snapshot(admin, q.body.id);

    for (const user of [agentUser, supervisorUser]) {
      const client = await signIn(user.email);
      expect((await client.call<QueueBody[]>("GET", "/api/v1/queues")).body.map((x) => x.id)).toEqual([q.body.id]);
      expect((await client.call("GET", `/api/v1/queues/${q.body.id}`)).status).toBe(200);
      expect((await client.call<Member[]>("GET", `/api/v1/queues/${q.body.id}/agents`)).body.map((m) => m.userId)).toEqual([agentUser.id]);
      for (const [method, path, body] of [
        ["POST", "/api/v1/queues", { name: "Mine" }],
        ["PATCH", `/api/v1/queues/${q.body.id}`, { name: "Renamed" }],
        ["DELETE", `/api/v1/queues/${q.body.id}`, undefined],
        ["POST", `/api/v1/queues/${q.body.id}/agents`, { userId: user.id }],
        ["DELETE", `/api/v1/queues/${q.body.id}/agents`, { userId: agentUser.id }],
      ] as const) {
        const res = await client.call<ErrorBody>(method, path, { body });
        expect(res.status, `${user.role} ${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("forbidden");
      }
    }
    expect(await snapshot(admin, q.body.id)).toEqual(before);
    expect((await admin.call<QueueBody[]>("GET", "/api/v1/queues")).body).toHaveLength(1);
  });

  it("is described in the OpenAPI document", async () => {
    const res = await new Client(server.url).call<{ paths: Record<string, Record<string, unknown>> }>("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths["/api/v1/queues"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(res.body.paths["/api/v1/queues/{id}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
    expect(Object.keys(res.body.paths["/api/v1/queues/{id}/agents"] ?? {}).sort()).toEqual(["delete", "get", "post"]);
    type Op = { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    const create = res.body.paths["/api/v1/queues"]?.post as Op;
    expect(create.requestBody.content["application/json"]?.schema.properties.announceEverySec).toEqual({
      default: null,
      anyOf: [{ type: "integer", minimum: 15, maximum: 600 }, { type: "null" }],
    });
    expect(create.requestBody.content["application/json"]?.schema.properties.alertServiceLevelPct).toMatchObject({
      default: null,
      anyOf: [{ type: "integer", minimum: 1, maximum: 100 }, { type: "null" }],
    });
  });
});
