import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe("skills API", () => {
  it("creates, lists, reads, updates and deletes a skill", async () => {
    const { client } = await signupClient(server.url);
    const created = await client.call<{ id: string; name: string }>("POST", "/api/v1/skills", { body: { name: "Billing" } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("Billing");
    const list = await client.call<Array<{ id: string }>>("GET", "/api/v1/skills");
    expect(list.body.map((s) => s.id)).toEqual([created.body.id]);
    const patched = await client.call<{ name: string }>("PATCH", `/api/v1/skills/${created.body.id}`, { body: { name: "Billing EN" } });
    expect(patched.body.name).toBe("Billing EN");
    expect((await client.call("DELETE", `/api/v1/skills/${created.body.id}`)).status).toBe(204);
    expect((await client.call("GET", `/api/v1/skills/${created.body.id}`)).status).toBe(404);
  });

  it("answers another tenant's skill with 404 and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const skill = await a.client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Secret" } });
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      const res = await b.client.call<{ error: { code: string } }>(method, `/api/v1/skills/${skill.body.id}`, { body });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const still = await a.client.call<{ name: string }>("GET", `/api/v1/skills/${skill.body.id}`);
    expect(still.body.name).toBe("Secret");
  });

  it("refuses bad input with a code and writes nothing", async () => {
    const { client } = await signupClient(server.url);
    const cases = [
      { opts: { raw: "{not json" }, status: 400, code: "invalid_json" },
      { opts: { body: { name: 42 } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", extra: true } }, status: 422, code: "validation_failed" },
      { opts: { raw: JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) }) }, status: 413, code: "payload_too_large" },
      { opts: { raw: "name=x", contentType: "application/x-www-form-urlencoded" }, status: 415, code: "unsupported_media_type" },
      { opts: { body: { name: "x" }, noOrigin: true }, status: 403, code: "csrf_failed" },
      { opts: { body: { name: "x" }, headers: { origin: "http://evil.example" } }, status: 403, code: "csrf_failed" },
    ];
    for (const c of cases) {
      const res = await client.call<{ error: { code: string; message: string } }>("POST", "/api/v1/skills", c.opts);
      expect(res.status, JSON.stringify(c.opts).slice(0, 80)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
    const anonymous = await new Client(server.url).call("POST", "/api/v1/skills", { body: { name: "x" } });
    expect(anonymous.status).toBe(401);
    expect((await client.call<unknown[]>("GET", "/api/v1/skills")).body).toEqual([]);
  });
});
