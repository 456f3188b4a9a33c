import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../factories";
import { Client, type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type ErrorBody = { error: { code: string; message: string } };
type Entry = {
  id: string;
  action: string;
  entityId: string | null;
  actor: { type: "user" | "api-key"; id: string; name?: string } | null;
  data: Record<string, unknown>;
  createdAt: string;
};

const PASSWORD = "a-long-password-1";

describe("audit log API", () => {
  it("lists the tenant's changes newest first, by user or API key, without secrets", async () => {
    const { client, userId, tenantId } = await signupClient(server.url);
    const skill = await client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Billing" } });
    const user = await client.call<{ id: string }>("POST", "/api/v1/users", {
      body: { email: uniqueEmail(), name: "Pat", role: "agent", password: PASSWORD },
    });
    const key = await client.call<{ id: string; key: string }>("POST", "/api/v1/api-keys", { body: { name: "Robot" } });
    const bot = new Client(server.url, key.body.key);
    await bot.call("PATCH", `/api/v1/users/${user.body.id}`, { body: { name: "Pat Q", password: "another-password-9" } });

    const res = await client.call<Entry[]>("GET", "/api/v1/audit-log");
    expect(res.status).toBe(200);
    expect(res.body.map((e) => e.action)).toEqual(["user.update", "api-key.create", "user.create", "skill.create", "tenant.signup"]);
    const [update, keyCreate, userCreate, skillCreate, signup] = res.body;
    expect(update).toMatchObject({ entityId: user.body.id, actor: { type: "api-key", id: key.body.id, name: "Robot" }, data: { name: "Pat Q", passwordChanged: true } });
    expect(keyCreate).toMatchObject({ entityId: key.body.id, actor: { type: "user", id: userId, name: "Admin" } });
    expect(userCreate?.entityId).toBe(user.body.id);
    expect(skillCreate?.entityId).toBe(skill.body.id);
    expect(signup?.entityId).toBe(tenantId);
    for (const e of res.body) {
      expect(Object.keys(e).sort()).toEqual(["action", "actor", "createdAt", "data", "entityId", "id"]);
      expect(new Date(e.createdAt).toISOString()).toBe(e.createdAt);
    }
    const text = JSON.stringify(res.body);
    for (const secret of [PASSWORD, "another-password-9", key.body.key]) expect(text).not.toContain(secret);

    const limited = await client.call<Entry[]>("GET", "/api/v1/audit-log?limit=2");
    expect(limited.body.map((e) => e.action)).toEqual(["user.update", "api-key.create"]);
    expect((await bot.call<Entry[]>("GET", "/api/v1/audit-log?limit=1")).body.map((e) => e.id)).toEqual([update?.id]);
  });

  it("shows a tenant only its own entries", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    await a.client.call("POST", "/api/v1/skills", { body: { name: "A only" } });
    const res = await b.client.call<Entry[]>("GET", "/api/v1/audit-log");
    expect(res.body.map((e) => e.action)).toEqual(["tenant.signup"]);
  });

  it("refuses a bad limit or unknown parameter (422), non-admins (403) and anonymous callers (401)", async () => {
    const { client: admin } = await signupClient(server.url);
    for (const query of ["limit=0", "limit=501", "limit=abc", "limit=2.5", "limit=", "offset=10"]) {
      const res = await admin.call<ErrorBody>("GET", `/api/v1/audit-log?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    for (const role of ["supervisor", "agent"] as const) {
      const email = uniqueEmail(role);
      await admin.call("POST", "/api/v1/users", { body: { email, name: role, role, password: PASSWORD } });
      const member = new Client(server.url);
      await member.call("POST", "/api/v1/sessions", { body: { email, password: PASSWORD } });
      const res = await member.call<ErrorBody>("GET", "/api/v1/audit-log");
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const anonymous = await new Client(server.url).call<ErrorBody>("GET", "/api/v1/audit-log");
    expect(anonymous.status).toBe(401);
  });
});
