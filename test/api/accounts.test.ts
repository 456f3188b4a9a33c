import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../factories";
import { Client, type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

const signupBody = (email = uniqueEmail()) => ({ organization: "Acme Support", name: "Ann Admin", email, password: "a-long-password-1" });

describe("signup and sessions", () => {
  it("signup returns 201 with tenant and user and an httpOnly session cookie", async () => {
    const client = new Client(server.url);
    const email = uniqueEmail();
    const res = await client.call<{ tenant: { id: string; slug: string; name: string }; user: { id: string; email: string; role: string } }>(
      "POST",
      "/api/v1/signup",
      { body: signupBody(email) },
    );
    expect(res.status).toBe(201);
    expect(res.body.tenant).toMatchObject({ name: "Acme Support" });
    expect(res.body.tenant.slug).toMatch(/^acme-support/);
    expect(res.body.user).toMatchObject({ email, role: "admin" });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^hl_session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https PUBLIC_URL adds it
    const me = await client.call<{ user: { email: string } }>("GET", "/api/v1/sessions");
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
  });

  it("a duplicate email gets 409 conflict", async () => {
    const { email } = await signupClient(server.url);
    const res = await new Client(server.url).call<{ error: { code: string } }>("POST", "/api/v1/signup", { body: signupBody(email.toUpperCase()) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });

  it("refuses bad signup input with field messages", async () => {
    const client = new Client(server.url);
    const res = await client.call<{ error: { code: string; message: string } }>("POST", "/api/v1/signup", {
      body: { organization: "A", name: "", email: "not-an-email", password: "short" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    for (const field of ["organization", "name", "email", "password"]) expect(res.body.error.message).toContain(field);
    expect(client.cookie).toBeNull();
  });

  it("login: 200 with a cookie, 401 when wrong; logout ends the session", async () => {
    const { email, password } = await signupClient(server.url);
    const client = new Client(server.url);
    const wrong = await client.call<{ error: { code: string } }>("POST", "/api/v1/sessions", { body: { email, password: "not-the-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("invalid_credentials");
    const ok = await client.call("POST", "/api/v1/sessions", { body: { email, password } });
    expect(ok.status).toBe(200);
    const cookie = client.cookie;
    expect((await client.call("GET", "/api/v1/sessions")).status).toBe(200);
    expect((await client.call("DELETE", "/api/v1/sessions")).status).toBe(204);
    const reused = new Client(server.url);
    reused.cookie = cookie;
    expect((await reused.call("GET", "/api/v1/sessions")).status).toBe(401);
  });

  it("an unauthenticated request gets 401 with the error shape", async () => {
    const res = await new Client(server.url).call<{ error: { code: string; message: string } }>("GET", "/api/v1/skills");
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "unauthenticated" });
  });
});

describe("rate limits", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ SIGNUP_LIMIT_PER_HOUR: "2", LOGIN_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(async () => limited?.close());

  it("limits signups per address", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await new Client(limited.url).call("POST", "/api/v1/signup", { body: signupBody() })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it("limits login attempts per email", async () => {
    const email = uniqueEmail();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await new Client(limited.url).call("POST", "/api/v1/sessions", { body: { email, password: "wrong-password" } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
