import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCtx } from "@/server/context";
import * as calls from "@/server/services/calls";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

type Err = { error: { code: string; message: string } };
type Contact = { id: string; name: string; phone: string | null; tier: string };
type Ticket = { id: string; subject: string; status: string; contact: { id: string; name: string } | null; assignee: { id: string; name: string } | null };
const phone = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

describe("dispositions", () => {
  it("are listed by name, unique per tenant regardless of case, and another tenant's are not found", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const created = await a.client.call<{ id: string }>("POST", "/api/v1/dispositions", { body: { name: "Resolved" } });
    expect(created.status).toBe(201);
    expect((await a.client.call<Err>("POST", "/api/v1/dispositions", { body: { name: "resolved" } })).status).toBe(409);
    await a.client.call("POST", "/api/v1/dispositions", { body: { name: "Callback needed" } });
    expect((await a.client.call<Array<{ name: string }>>("GET", "/api/v1/dispositions")).body.map((d) => d.name)).toEqual(["Callback needed", "Resolved"]);
    expect((await b.client.call("PATCH", `/api/v1/dispositions/${created.body.id}`, { body: { name: "x" } })).status).toBe(404);
    expect((await b.client.call("DELETE", `/api/v1/dispositions/${created.body.id}`)).status).toBe(404);
    expect((await b.client.call<unknown[]>("GET", "/api/v1/dispositions")).body).toEqual([]);
    expect((await a.client.call<Err>("POST", "/api/v1/dispositions", { body: { name: "" } })).status).toBe(422);
  });
});

describe("contacts and the screen pop", () => {
  it("creates, searches, updates a contact; the number is unique per tenant", async () => {
    const { client } = await signupClient(server.url);
    const number = phone();
    const created = await client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Grace Hopper", phone: number, email: "grace@example.test", tier: "vip" } });
    expect(created.status).toBe(201);
    expect((await client.call<Err>("POST", "/api/v1/contacts", { body: { name: "Dup", phone: number } })).status).toBe(409);
    expect((await client.call<Contact[]>("GET", "/api/v1/contacts?q=hopp")).body.map((c) => c.name)).toEqual(["Grace Hopper"]);
    expect((await client.call<Contact[]>("GET", "/api/v1/contacts?q=%25")).body).toEqual([]);
    const patched = await client.call<Contact>("PATCH", `/api/v1/contacts/${created.body.id}`, { body: { tier: "standard" } });
    expect(patched.body.tier).toBe("standard");
    for (const body of [{ name: "x", phone: "555" }, { name: "x", email: "nope" }, { name: "x", tier: "gold" }, {}]) {
      expect((await client.call("POST", "/api/v1/contacts", { body })).status, JSON.stringify(body)).toBe(422);
    }
  });

  it("pops up a new caller as a contact made on the fly, then with their past calls and open tickets", async () => {
    const t = await signupClient(server.url);
    const number = phone();
    const first = await t.client.call<{ contact: Contact; pastCalls: unknown[]; openTickets: unknown[] }>("GET", `/api/v1/contacts/lookup?phone=${encodeURIComponent(number)}`);
    expect(first.status).toBe(200);
    expect(first.body.contact).toMatchObject({ name: number, phone: number });
    expect(first.body.pastCalls).toEqual([]);
    const trunk = await t.client.call<{ id: string }>("POST", "/api/v1/trunks", { body: { name: "T", inboundAddresses: ["127.0.0.1"] } });
    const ctx = systemCtx(server.app.deps, t.tenantId);
    const call = await calls.startInbound({ ctx, input: { fromNumber: number, toNumber: "+14155550100", trunkId: trunk.body.id, sipCallId: "s", source: "test" } });
    await t.client.call("POST", "/api/v1/tickets", { body: { subject: "Refund", contactId: first.body.contact.id, callId: call.id } });
    const again = await t.client.call<{ contact: Contact; pastCalls: Array<{ id: string }>; openTickets: Array<{ subject: string }> }>("GET", `/api/v1/contacts/lookup?phone=${encodeURIComponent(number)}`);
    expect(again.body.contact.id).toBe(first.body.contact.id);
    expect(again.body.pastCalls.map((c) => c.id)).toEqual([call.id]);
    expect(again.body.openTickets.map((o) => o.subject)).toEqual(["Refund"]);
    expect((await t.client.call("GET", "/api/v1/contacts/lookup?phone=12345")).status).toBe(422);
  });

  it("answers another tenant's contact with 404 and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const c = await a.client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Private" } });
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      expect((await b.client.call(method, `/api/v1/contacts/${c.body.id}`, { body })).status).toBe(404);
    }
    expect((await a.client.call<Contact>("GET", `/api/v1/contacts/${c.body.id}`)).body.name).toBe("Private");
  });
});

describe("tickets", () => {
  it("creates a ticket for a contact and an assignee, filters and updates it", async () => {
    const t = await signupClient(server.url);
    const contact = await t.client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Ada" } });
    const created = await t.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "Broken router", priority: "high", contactId: contact.body.id, assigneeId: t.userId } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "open", contact: { name: "Ada" }, assignee: { id: t.userId } });
    const closed = await t.client.call<Ticket>("PATCH", `/api/v1/tickets/${created.body.id}`, { body: { status: "closed" } });
    expect(closed.body.status).toBe("closed");
    expect((await t.client.call<Ticket[]>("GET", "/api/v1/tickets?status=open")).body).toEqual([]);
    expect((await t.client.call<Ticket[]>("GET", `/api/v1/tickets?contactId=${contact.body.id}`)).body).toHaveLength(1);
    expect((await t.client.call("GET", "/api/v1/tickets?status=lost")).status).toBe(422);
  });

  it("refuses another tenant's contact, user or call as a reference, and hides tickets across tenants", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirContact = await a.client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Theirs" } });
    for (const body of [{ subject: "x", contactId: theirContact.body.id }, { subject: "x", assigneeId: a.userId }, { subject: "x", callId: theirContact.body.id }]) {
      const res = await b.client.call<Err>("POST", "/api/v1/tickets", { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const mine = await a.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "Mine" } });
    for (const [method, body] of [["GET"], ["PATCH", { subject: "Stolen" }], ["DELETE"]] as const) {
      expect((await b.client.call(method, `/api/v1/tickets/${mine.body.id}`, { body })).status).toBe(404);
    }
    expect((await b.client.call<unknown[]>("GET", "/api/v1/tickets")).body).toEqual([]);
  });
});
