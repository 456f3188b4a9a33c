import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
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
type CreatedKey = { id: string; name: string; prefix: string; key: string; createdAt: string };
type KeyBody = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

const PASSWORD = "a-long-password-1";
const listKeys = async (client: Client) => (await client.call<KeyBody[]>("GET", "/api/v1/api-keys")).body;

describe("API keys API", () => {
  it("creates a key shown once; it authenticates /api/v1 calls as the tenant's admin until deleted", async () => {
    const { client, tenantId, userId } = await signupClient(server.url);
    const created = await client.call<CreatedKey>("POST", "/api/v1/api-keys", { body: { name: "CRM sync" } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(["createdAt", "id", "key", "name", "prefix"]);
    expect(created.body.key).toMatch(/^hl_[\w-]{40,}$/);
    expect(created.body.prefix).toBe(created.body.key.slice(0, 10));

    const [stored] = await server.app.database.db.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    expect(stored?.tenantId).toBe(tenantId);
    expect(stored?.keyHash).not.toBe(created.body.key);
    expect(JSON.stringify(stored)).not.toContain(created.body.key);

    const listed = await listKeys(client);
    expect(listed).toEqual([{ id: created.body.id, name: "CRM sync", prefix: created.body.prefix, createdAt: created.body.createdAt, lastUsedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(created.body.key);

    // A bearer key acts as an admin of the tenant, needs no Origin header, and sees only its tenant.
    const bot = new Client(server.url, created.body.key);
    const users = await bot.call<Array<{ id: string }>>("GET", "/api/v1/users", { noOrigin: true });
    expect(users.status).toBe(200);
    expect(users.body.map((u) => u.id)).toEqual([userId]);
    const skill = await bot.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "From the API" }, noOrigin: true });
    expect(skill.status).toBe(201);
    const agent = await bot.call("POST", "/api/v1/users", { body: { email: uniqueEmail(), name: "Bot-made", role: "agent", password: PASSWORD }, noOrigin: true });
    expect(agent.status).toBe(201);
    expect((await client.call<Array<{ id: string }>>("GET", "/api/v1/skills")).body.map((s) => s.id)).toEqual([skill.body.id]);
    // The key cannot be used for a browser session.
    expect((await bot.call<ErrorBody>("GET", "/api/v1/sessions")).status).toBe(400);

    expect((await client.call("DELETE", `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await bot.call<ErrorBody>("GET", "/api/v1/users", { noOrigin: true });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("unauthenticated");
    expect(await listKeys(client)).toEqual([]);
    expect((await client.call<ErrorBody>("DELETE", `/api/v1/api-keys/${created.body.id}`)).status).toBe(404);
  });

  it("an unknown or malformed bearer key gets 401, even where a cookie would work", async () => {
    const { client } = await signupClient(server.url);
    for (const key of ["hl_not-a-real-key", "x"]) {
      const withKey = new Client(server.url, key);
      withKey.cookie = client.cookie;
      const res = await withKey.call<ErrorBody>("GET", "/api/v1/skills");
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
  });

  it("answers another tenant's key with 404 and leaves it working", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirs = await a.client.call<CreatedKey>("POST", "/api/v1/api-keys", { body: { name: "Theirs" } });
    const res = await b.client.call<ErrorBody>("DELETE", `/api/v1/api-keys/${theirs.body.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect(await listKeys(b.client)).toEqual([]);
    expect((await listKeys(a.client)).map((k) => k.id)).toEqual([theirs.body.id]);
    expect((await new Client(server.url, theirs.body.key).call("GET", "/api/v1/skills")).status).toBe(200);
    // Another tenant's key cannot reach this tenant's resources either.
    const bSkill = await b.client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "B only" } });
    expect((await new Client(server.url, theirs.body.key).call("GET", `/api/v1/skills/${bSkill.body.id}`)).status).toBe(404);
  });

  it("is for admins only: supervisors and agents get 403 and nothing changes", async () => {
    const { client: admin } = await signupClient(server.url);
    const key = await admin.call<CreatedKey>("POST", "/api/v1/api-keys", { body: { name: "Existing" } });
    for (const role of ["supervisor", "agent"] as const) {
      const email = uniqueEmail(role);
      await admin.call("POST", "/api/v1/users", { body: { email, name: role, role, password: PASSWORD } });
      const member = new Client(server.url);
      expect((await member.call("POST", "/api/v1/sessions", { body: { email, password: PASSWORD } })).status).toBe(200);
      for (const [method, path, body] of [
        ["GET", "/api/v1/api-keys", undefined],
        ["POST", "/api/v1/api-keys", { name: "Mine" }],
        ["DELETE", `/api/v1/api-keys/${key.body.id}`, undefined],
      ] as const) {
        const res = await member.call<ErrorBody>(method, path, { body });
        expect(res.status, `${role} ${method}`).toBe(403);
        expect(res.body.error.code).toBe("forbidden");
      }
    }
    expect((await new Client(server.url).call<ErrorBody>("GET", "/api/v1/api-keys")).status).toBe(401);
    expect((await listKeys(admin)).map((k) => k.id)).toEqual([key.body.id]);
  });

  it("refuses bad input with a code and writes nothing", async () => {
    const { client } = await signupClient(server.url);
    const cases = [
      { opts: { raw: "{not json" }, status: 400, code: "invalid_json" },
      { opts: { body: {} }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: 7 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x".repeat(81) } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "ok", key: "hl_chosen" } }, status: 422, code: "validation_failed" },
      { opts: { raw: JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) }) }, status: 413, code: "payload_too_large" },
      { opts: { raw: "name=x", contentType: "text/plain" }, status: 415, code: "unsupported_media_type" },
      { opts: { body: { name: "ok" }, noOrigin: true }, status: 403, code: "csrf_failed" },
    ];
    for (const c of cases) {
      const res = await client.call<ErrorBody>("POST", "/api/v1/api-keys", c.opts);
      expect(res.status, JSON.stringify(c.opts).slice(0, 80)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
    }
    expect((await client.call("DELETE", "/api/v1/api-keys/not-a-uuid")).status).toBe(404);
    expect((await client.call("DELETE", `/api/v1/api-keys/${randomUUID()}`)).status).toBe(404);
    expect(await listKeys(client)).toEqual([]);
  });
});
