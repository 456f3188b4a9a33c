import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type TestServer, signupClient, startServer } from "../server";
import { uniqueEmail } from "../factories";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type Err = { error: { code: string; message: string } };
type Disposition = { id: string; name: string; createdAt: string };

async function agentClient(admin: Client) {
  const email = uniqueEmail("agent");
  const password = "a-long-password-1";
  const created = await admin.call("POST", "/api/v1/users", { body: { email, name: "Ada Agent", role: "agent", password } });
  if (created.status !== 201) throw new Error(`user create failed: ${created.status}`);
  const client = new Client(server.url);
  await client.call("POST", "/api/v1/sessions", { body: { email, password } });
  return client;
}

describe("dispositions API", () => {
  it("creates, lists by name, renames and deletes a disposition", async () => {
    const { client } = await signupClient(server.url);
    const created = await client.call<Disposition>("POST", "/api/v1/dispositions", { body: { name: "  Resolved " } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("Resolved");
    await client.call("POST", "/api/v1/dispositions", { body: { name: "Callback needed" } });
    expect((await client.call<Disposition[]>("GET", "/api/v1/dispositions")).body.map((d) => d.name)).toEqual(["Callback needed", "Resolved"]);
    const renamed = await client.call<Disposition>("PATCH", `/api/v1/dispositions/${created.body.id}`, { body: { name: "Solved" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: created.body.id, name: "Solved" });
    expect((await client.call("DELETE", `/api/v1/dispositions/${created.body.id}`)).status).toBe(204);
    expect((await client.call<Disposition[]>("GET", "/api/v1/dispositions")).body.map((d) => d.name)).toEqual(["Callback needed"]);
    expect((await client.call("DELETE", `/api/v1/dispositions/${created.body.id}`)).status).toBe(404);
  });

  it("keeps names unique per tenant regardless of case (409), but another tenant may reuse one", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    await a.client.call("POST", "/api/v1/dispositions", { body: { name: "Resolved" } });
    const dup = await a.client.call<Err>("POST", "/api/v1/dispositions", { body: { name: "RESOLVED" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");
    const other = await a.client.call<Disposition>("POST", "/api/v1/dispositions", { body: { name: "Spam" } });
    const rename = await a.client.call<Err>("PATCH", `/api/v1/dispositions/${other.body.id}`, { body: { name: "resolved" } });
    expect(rename.status).toBe(409);
    expect((await b.client.call("POST", "/api/v1/dispositions", { body: { name: "resolved" } })).status).toBe(201);
  });

  it("answers another tenant's disposition with 404 and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const mine = await a.client.call<Disposition>("POST", "/api/v1/dispositions", { body: { name: "Private" } });
    for (const [method, body] of [["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      const res = await b.client.call<Err>(method, `/api/v1/dispositions/${mine.body.id}`, { body });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await b.client.call<Disposition[]>("GET", "/api/v1/dispositions")).body).toEqual([]);
    expect((await a.client.call<Disposition[]>("GET", "/api/v1/dispositions")).body.map((d) => d.name)).toEqual(["Private"]);
  });

  it("lets any member list but only admins change; refuses bad input with a code", async () => {
    const { client: admin } = await signupClient(server.url);
    const d = await admin.call<Disposition>("POST", "/api/v1/dispositions", { body: { name: "Sale" } });
    const agent = await agentClient(admin);
    expect((await agent.call<Disposition[]>("GET", "/api/v1/dispositions")).body.map((x) => x.name)).toEqual(["Sale"]);
    expect((await agent.call<Err>("POST", "/api/v1/dispositions", { body: { name: "Mine" } })).body.error.code).toBe("forbidden");
    expect((await agent.call("PATCH", `/api/v1/dispositions/${d.body.id}`, { body: { name: "x" } })).status).toBe(403);
    expect((await agent.call("DELETE", `/api/v1/dispositions/${d.body.id}`)).status).toBe(403);
    const cases = [
      { opts: { raw: "{nope" }, status: 400, code: "invalid_json" },
      { opts: { body: { name: "" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "   " } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x".repeat(81) } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", extra: 1 } }, status: 422, code: "validation_failed" },
    ];
    for (const c of cases) {
      const res = await admin.call<Err>("POST", "/api/v1/dispositions", c.opts);
      expect(res.status, JSON.stringify(c.opts).slice(0, 60)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
    }
    expect((await admin.call("PATCH", "/api/v1/dispositions/not-a-uuid", { body: { name: "x" } })).status).toBe(404);
    expect((await new Client(server.url).call("GET", "/api/v1/dispositions")).status).toBe(401);
    expect((await admin.call<Disposition[]>("GET", "/api/v1/dispositions")).body.map((x) => x.name)).toEqual(["Sale"]);
  });
});
