import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhooks } from "@/db/schema";
import { verifySignature } from "@/server/webhooks/deliver";
import { uniqueEmail } from "../factories";
import { Client, type TestServer, signupClient, startServer } from "../server";

type ErrorBody = { error: { code: string; message: string } };
type Webhook = { id: string; url: string; description: string | null; events: string[]; active: boolean; lastDelivery: { status: string; eventType: string } | null };
type Delivery = { id: string; eventId: string; eventType: string; status: string; attempts: number; lastStatus: number | null };

/** A receiver on 127.0.0.1 that answers 204 and keeps what it got. */
const received: Array<{ path: string; headers: Record<string, string | string[] | undefined>; body: string }> = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (c: string) => (body += c));
  req.on("end", () => {
    received.push({ path: req.url ?? "", headers: req.headers, body });
    res.writeHead(204).end();
  });
});
let receiverUrl = "";

let server: TestServer;
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startServer({ WEBHOOKS_ALLOW_PRIVATE: "on" }); // the receivers are on 127.0.0.1
});
afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe("webhooks API", () => {
  it("creates (secret once), reads, updates, rotates, tests, lists deliveries and deletes", async () => {
    const { client } = await signupClient(server.url);
    const created = await client.call<Webhook & { secret: string }>("POST", "/api/v1/webhooks", {
      body: { url: `${receiverUrl}/round-trip`, description: "CRM", events: ["call.ended", "ticket.created"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: `${receiverUrl}/round-trip`, description: "CRM", events: ["call.ended", "ticket.created"], active: true, lastDelivery: null });
    expect(created.body.secret).toMatch(/^whsec_[\w-]{43}$/);
    const { secret, ...shown } = created.body;
    const id = shown.id;

    const listed = await client.call<Webhook[]>("GET", "/api/v1/webhooks");
    expect(listed.body).toEqual([shown]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const [stored] = await server.app.database.db.select().from(webhooks).where(eq(webhooks.id, id));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const patched = await client.call<Webhook>("PATCH", `/api/v1/webhooks/${id}`, { body: { active: false, events: ["ticket.updated"] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ active: false, events: ["ticket.updated"] });
    expect(patched.body).not.toHaveProperty("secret");
    expect((await client.call<ErrorBody>("POST", `/api/v1/webhooks/${id}/test`)).body.error.code).toBe("conflict");
    await client.call("PATCH", `/api/v1/webhooks/${id}`, { body: { active: true } });

    const rotated = await client.call<{ secret: string }>("POST", `/api/v1/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    expect(JSON.stringify((await client.call("GET", `/api/v1/webhooks/${id}`)).body)).not.toContain("whsec_");

    const test = await client.call<Delivery>("POST", `/api/v1/webhooks/${id}/test`);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ eventType: "ping", status: "pending", attempts: 0 });
    // The server's own delivery loop sends it, signed with the rotated secret.
    await expect.poll(() => received.find((r) => r.headers["hotline-delivery"] === test.body.id), { timeout: 10_000 }).toBeDefined();
    const ping = received.find((r) => r.headers["hotline-delivery"] === test.body.id);
    expect(verifySignature(rotated.body.secret, String(ping?.headers["hotline-signature"]), ping?.body ?? "")).toBe(true);
    expect(verifySignature(secret, String(ping?.headers["hotline-signature"]), ping?.body ?? "")).toBe(false);
    await expect
      .poll(async () => (await client.call<Delivery[]>("GET", `/api/v1/webhooks/${id}/deliveries`)).body[0], { timeout: 5_000 })
      .toMatchObject({ id: test.body.id, status: "delivered", attempts: 1, lastStatus: 204 });
    expect((await client.call<Webhook>("GET", `/api/v1/webhooks/${id}`)).body.lastDelivery).toMatchObject({ eventType: "ping", status: "delivered" });

    expect((await client.call("DELETE", `/api/v1/webhooks/${id}`)).status).toBe(204);
    expect((await client.call<ErrorBody>("GET", `/api/v1/webhooks/${id}`)).status).toBe(404);
    expect((await client.call<Webhook[]>("GET", "/api/v1/webhooks")).body).toEqual([]);
  });

  it("refuses bad input with 422 and a readable message", async () => {
    const { client } = await signupClient(server.url);
    const cases: Array<[unknown, RegExp]> = [
      [{ url: "ftp://example.com/in", events: ["call.ended"] }, /^url: must start with http:\/\/ or https:\/\//],
      [{ url: "https://me:pw@example.com/in", events: ["call.ended"] }, /^url: must not contain a user name or password/],
      [{ url: `https://example.com/${"x".repeat(2000)}`, events: ["call.ended"] }, /^url: must be at most 2,000 characters/],
      [{ url: "https://example.com/in", events: [] }, /^events: choose at least one event/],
      [{ url: "https://example.com/in", events: ["call.exploded"] }, /^events\.0: must be one of call\.started/],
    ];
    for (const [body, message] of cases) {
      const res = await client.call<ErrorBody>("POST", "/api/v1/webhooks", { body });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.message).toMatch(message);
    }
    expect((await client.call<Webhook[]>("GET", "/api/v1/webhooks")).body).toEqual([]);
  });

  it("answers another tenant's webhook with 404 and an agent with 403", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirs = await b.client.call<Webhook>("POST", "/api/v1/webhooks", { body: { url: `${receiverUrl}/theirs`, events: ["call.ended"] } });
    for (const [method, path, body] of [
      ["GET", "", undefined],
      ["PATCH", "", { active: false }],
      ["DELETE", "", undefined],
      ["POST", "/rotate-secret", undefined],
      ["GET", "/deliveries", undefined],
      ["POST", "/test", undefined],
    ] as const) {
      const res = await a.client.call<ErrorBody>(method, `/api/v1/webhooks/${theirs.body.id}${path}`, body ? { body } : {});
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 404, "not_found"]);
    }
    expect((await b.client.call<Webhook>("GET", `/api/v1/webhooks/${theirs.body.id}`)).body).toMatchObject({ active: true, lastDelivery: null });

    const email = uniqueEmail("agent");
    const password = "a-long-password-1";
    expect((await a.client.call("POST", "/api/v1/users", { body: { email, name: "Agent", role: "agent", password } })).status).toBe(201);
    const agent = new Client(server.url);
    expect((await agent.call("POST", "/api/v1/sessions", { body: { email, password } })).status).toBe(200);
    for (const [method, path] of [
      ["GET", "/api/v1/webhooks"],
      ["POST", "/api/v1/webhooks"],
    ] as const) {
      const res = await agent.call<ErrorBody>(method, path, method === "POST" ? { body: { url: `${receiverUrl}/agent`, events: ["call.ended"] } } : {});
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect((await a.client.call<Webhook[]>("GET", "/api/v1/webhooks")).body).toEqual([]);
  });

  it("a ticket created over the API reaches the tenant's receiver, signed", async () => {
    const { client, tenantId } = await signupClient(server.url);
    const hook = await client.call<Webhook & { secret: string }>("POST", "/api/v1/webhooks", { body: { url: `${receiverUrl}/tickets`, events: ["ticket.created"] } });
    const ticket = await client.call<{ id: string }>("POST", "/api/v1/tickets", { body: { subject: "Call me back", priority: "high" } });
    expect(ticket.status).toBe(201);

    await expect.poll(() => received.filter((r) => r.path === "/tickets").length, { timeout: 10_000 }).toBe(1);
    const [got] = received.filter((r) => r.path === "/tickets");
    expect(got?.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Hotline-Webhooks/1", "hotline-event": "ticket.created" });
    expect(verifySignature(hook.body.secret, String(got?.headers["hotline-signature"]), got?.body ?? "")).toBe(true);
    expect(JSON.parse(got?.body ?? "")).toMatchObject({ type: "ticket.created", tenantId, data: ticket.body });
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await new Client(server.url).call<{ paths: Record<string, Record<string, unknown>> }>("GET", "/api/v1/openapi.json")).body;
    expect(Object.keys(doc.paths["/api/v1/webhooks"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/webhooks/{id}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
    for (const path of ["/rotate-secret", "/test"]) expect(doc.paths[`/api/v1/webhooks/{id}${path}`]).toHaveProperty("post");
    expect(doc.paths["/api/v1/webhooks/{id}/deliveries"]).toHaveProperty("get");
    expect(doc.paths["/api/v1/webhooks/{id}/test"]?.post).toMatchObject({ responses: { "202": expect.anything() } });
  });
});
