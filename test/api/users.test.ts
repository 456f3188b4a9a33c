import { randomUUID } from "node:crypto";
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

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type UserBody = {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  sipUri: string | null;
  skills: Array<{ skillId: string; name: string; level: number }>;
  createdAt: string;
  updatedAt: string;
  inviteUrl?: string;
};

const PASSWORD = "a-long-password-1";

/** Creates a user through the API with a password and returns a signed-in client for them. */
async function userWithSession(admin: Client, role: "admin" | "supervisor" | "agent") {
  const email = uniqueEmail(role);
  const created = await admin.call<UserBody>("POST", "/api/v1/users", { body: { email, name: `The ${role}`, role, password: PASSWORD } });
  if (created.status !== 201) throw new Error(`user create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const client = new Client(server.url);
  const res = await client.call("POST", "/api/v1/sessions", { body: { email, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return { client, user: created.body };
}

const listUsers = async (client: Client) => (await client.call<UserBody[]>("GET", "/api/v1/users")).body;

describe("users API", () => {
  it("creates, lists, reads, updates and deletes a user", async () => {
    const { client, userId } = await signupClient(server.url);
    const skill = await client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Spanish" } });
    const email = uniqueEmail("agent");
    const created = await client.call<UserBody>("POST", "/api/v1/users", {
      body: { email: email.toUpperCase(), name: "Ada Agent", role: "agent", password: PASSWORD, skills: [{ skillId: skill.body.id, level: 8 }], sipUri: "sip:ada@pbx.example.com" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      name: "Ada Agent",
      role: "agent",
      status: "active",
      sipUri: "sip:ada@pbx.example.com",
      skills: [{ skillId: skill.body.id, name: "Spanish", level: 8 }],
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);
    expect(created.body).not.toHaveProperty("inviteUrl");
    expect(JSON.stringify(created.body)).not.toMatch(/password|hash/i);

    expect((await listUsers(client)).map((u) => u.id).sort()).toEqual([userId, created.body.id].sort());
    const read = await client.call<UserBody>("GET", `/api/v1/users/${created.body.id}`);
    expect(read.body).toEqual(created.body);

    const patched = await client.call<UserBody>("PATCH", `/api/v1/users/${created.body.id}`, {
      body: { name: "Ada Lovelace", role: "supervisor", skills: [], sipUri: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Ada Lovelace", role: "supervisor", skills: [], sipUri: null });

    expect((await client.call("DELETE", `/api/v1/users/${created.body.id}`)).status).toBe(204);
    const gone = await client.call<ErrorBody>("GET", `/api/v1/users/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");
  });

  it("invites a user: create without a password -> inviteUrl -> accept -> signed in", async () => {
    const { client: admin } = await signupClient(server.url);
    const email = uniqueEmail("invitee");
    const created = await admin.call<UserBody>("POST", "/api/v1/users", { body: { email, name: "Ivy Invitee", role: "agent" } });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("invited");
    expect(created.body.inviteUrl).toMatch(/^\/invite\/[\w-]{40,}$/);
    expect((await admin.call<UserBody>("GET", `/api/v1/users/${created.body.id}`)).body).not.toHaveProperty("inviteUrl");
    const token = (created.body.inviteUrl ?? "").slice("/invite/".length);

    // Not a member yet: cannot sign in.
    expect((await new Client(server.url).call("POST", "/api/v1/sessions", { body: { email, password: PASSWORD } })).status).toBe(401);

    const invitee = new Client(server.url);
    const short = await invitee.call<ErrorBody>("POST", "/api/v1/invites/accept", { body: { token, password: "short" } });
    expect(short.status).toBe(422);
    expect(short.body.error.code).toBe("validation_failed");

    const accepted = await invitee.call<{ tenant: { id: string }; user: { id: string; email: string; role: string } }>("POST", "/api/v1/invites/accept", {
      body: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: created.body.id, email, role: "agent" });
    expect(accepted.headers.get("set-cookie")).toMatch(/^hl_session=[\w-]{20,};.*HttpOnly/);
    const me = await invitee.call<{ user: { id: string } }>("GET", "/api/v1/sessions");
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(created.body.id);
    expect((await admin.call<UserBody>("GET", `/api/v1/users/${created.body.id}`)).body.status).toBe("active");

    for (const body of [{ token, password: PASSWORD }, { token: "not-a-real-token", password: PASSWORD }]) {
      const again = await new Client(server.url).call<ErrorBody>("POST", "/api/v1/invites/accept", { body });
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe("not_found");
    }
    expect((await new Client(server.url).call("POST", "/api/v1/sessions", { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it("answers another tenant's user with 404 and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirs = await a.client.call<UserBody>("POST", "/api/v1/users", { body: { email: uniqueEmail(), name: "Private", role: "agent", password: PASSWORD } });
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen", status: "disabled" }], ["DELETE"]] as const) {
      const res = await b.client.call<ErrorBody>(method, `/api/v1/users/${theirs.body.id}`, { body });
      expect(res.status, method).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await b.client.call<ErrorBody>("GET", `/api/v1/users/${a.userId}`)).status).toBe(404);
    expect((await listUsers(b.client)).map((u) => u.id)).toEqual([b.userId]);
    const still = await a.client.call<UserBody>("GET", `/api/v1/users/${theirs.body.id}`);
    expect(still.body).toMatchObject({ name: "Private", status: "active" });
  });

  it("lets a supervisor read users but not change them; an agent gets 403 everywhere; nothing is written", async () => {
    const { client: admin, userId } = await signupClient(server.url);
    const supervisor = await userWithSession(admin, "supervisor");
    const agent = await userWithSession(admin, "agent");
    const before = await listUsers(admin);

    expect((await supervisor.client.call("GET", "/api/v1/users")).status).toBe(200);
    expect((await supervisor.client.call("GET", `/api/v1/users/${userId}`)).status).toBe(200);
    const writes = [
      ["POST", "/api/v1/users", { email: uniqueEmail(), name: "X", role: "admin", password: PASSWORD }],
      ["PATCH", `/api/v1/users/${agent.user.id}`, { role: "admin" }],
      ["PATCH", `/api/v1/users/${userId}`, { status: "disabled" }],
      ["DELETE", `/api/v1/users/${userId}`, undefined],
    ] as const;
    for (const who of [supervisor, agent]) {
      for (const [method, path, body] of writes) {
        const res = await who.client.call<ErrorBody>(method, path, { body });
        expect(res.status, `${who.user.role} ${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("forbidden");
      }
    }
    for (const path of ["/api/v1/users", `/api/v1/users/${userId}`]) {
      const res = await agent.client.call<ErrorBody>("GET", path);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const anonymous = await new Client(server.url).call<ErrorBody>("GET", "/api/v1/users");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
    expect(await listUsers(admin)).toEqual(before);
  });

  it("refuses bad input with a code and writes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const foreignSkill = await b.client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Theirs" } });
    const ok = { email: uniqueEmail(), name: "Bad Input", role: "agent" };
    const cases = [
      { opts: { raw: "{not json" }, status: 400, code: "invalid_json" },
      { opts: { body: { ...ok, role: "owner" } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, email: "nope" } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, name: 42 } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, password: "short" } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, sipUri: "tel:+15550100" } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, skills: [{ skillId: foreignSkill.body.id, level: 0 }] } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, skills: [{ skillId: foreignSkill.body.id, level: 5 }] } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, skills: [{ skillId: randomUUID(), level: 5 }] } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, status: "active" } }, status: 422, code: "validation_failed" },
      { opts: { body: { ...ok, email: a.email.toUpperCase() } }, status: 409, code: "conflict" },
      { opts: { body: { ...ok, email: b.email } }, status: 409, code: "conflict" },
      { opts: { raw: JSON.stringify({ ...ok, name: "x".repeat(1024 * 1024 + 10) }) }, status: 413, code: "payload_too_large" },
      { opts: { raw: "email=x", contentType: "application/x-www-form-urlencoded" }, status: 415, code: "unsupported_media_type" },
      { opts: { body: ok, noOrigin: true }, status: 403, code: "csrf_failed" },
      { opts: { body: ok, headers: { origin: "http://evil.example" } }, status: 403, code: "csrf_failed" },
    ];
    for (const c of cases) {
      const res = await a.client.call<ErrorBody>("POST", "/api/v1/users", c.opts);
      expect(res.status, JSON.stringify(c.opts).slice(0, 120)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
    const unknownField = await a.client.call<ErrorBody>("POST", "/api/v1/users", { body: { ...ok, admin: true } });
    expect(unknownField.body.error.message).toContain("admin");

    const target = await a.client.call<UserBody>("POST", "/api/v1/users", { body: { email: uniqueEmail(), name: "Target", role: "agent", password: PASSWORD } });
    const before = await listUsers(a.client);
    const patches = [
      { body: { email: uniqueEmail() }, code: "validation_failed" },
      { body: { status: "invited" }, code: "validation_failed" },
      { body: { name: "" }, code: "validation_failed" },
      { body: { name: "Changed", skills: [{ skillId: foreignSkill.body.id, level: 1 }] }, code: "validation_failed" },
    ];
    for (const p of patches) {
      const res = await a.client.call<ErrorBody>("PATCH", `/api/v1/users/${target.body.id}`, { body: p.body });
      expect(res.status, JSON.stringify(p.body)).toBe(422);
      expect(res.body.error.code).toBe(p.code);
    }
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const res = await a.client.call<ErrorBody>(method, "/api/v1/users/not-a-uuid", { body: method === "PATCH" ? { name: "x" } : undefined });
      expect(res.status).toBe(404);
    }
    expect(await listUsers(a.client)).toEqual(before);
    expect(before).toHaveLength(2);
  });

  it("keeps the last active admin (409) and allows the change once there is another", async () => {
    const { client: admin, userId } = await signupClient(server.url);
    for (const [method, body] of [["PATCH", { role: "agent" }], ["PATCH", { status: "disabled" }], ["DELETE", undefined]] as const) {
      const res = await admin.call<ErrorBody>(method, `/api/v1/users/${userId}`, { body });
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(409);
      expect(res.body.error).toMatchObject({ code: "conflict", message: expect.stringContaining("last active admin") });
    }
    expect((await admin.call<UserBody>("GET", `/api/v1/users/${userId}`)).body).toMatchObject({ role: "admin", status: "active" });

    const second = await userWithSession(admin, "admin");
    const demoted = await second.client.call<UserBody>("PATCH", `/api/v1/users/${userId}`, { body: { role: "agent" } });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe("agent");
    // The demoted first admin's own session now has the agent role.
    expect((await admin.call<ErrorBody>("GET", "/api/v1/users")).status).toBe(403);
    expect((await second.client.call<ErrorBody>("DELETE", `/api/v1/users/${second.user.id}`)).status).toBe(409);
  });

  it("disabling a user ends their sessions; deleting one does too", async () => {
    const { client: admin } = await signupClient(server.url);
    const agent = await userWithSession(admin, "agent");
    expect((await agent.client.call("GET", "/api/v1/sessions")).status).toBe(200);
    const disabled = await admin.call<UserBody>("PATCH", `/api/v1/users/${agent.user.id}`, { body: { status: "disabled" } });
    expect(disabled.body.status).toBe("disabled");
    expect((await agent.client.call("GET", "/api/v1/sessions")).status).toBe(401);
    const relogin = await new Client(server.url).call<ErrorBody>("POST", "/api/v1/sessions", { body: { email: agent.user.email, password: PASSWORD } });
    expect(relogin.status).toBe(401);

    const other = await userWithSession(admin, "supervisor");
    expect((await admin.call("DELETE", `/api/v1/users/${other.user.id}`)).status).toBe(204);
    expect((await other.client.call("GET", "/api/v1/sessions")).status).toBe(401);
  });
});
