import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCtx } from "@/server/context";
import * as calls from "@/server/services/calls";
import { Client, type TestServer, signupClient, startServer } from "../server";
import { uniqueEmail } from "../factories";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type Err = { error: { code: string; message: string; details?: { field?: string } } };
type Ticket = {
  id: string;
  subject: string;
  description: string;
  status: string;
  priority: string;
  contact: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  callId: string | null;
};

async function agent(admin: Client, name = "Ada Agent") {
  const email = uniqueEmail("agent");
  const password = "a-long-password-1";
  const created = await admin.call<{ id: string }>("POST", "/api/v1/users", { body: { email, name, role: "agent", password } });
  if (created.status !== 201) throw new Error(`user create failed: ${created.status}`);
  const client = new Client(server.url);
  await client.call("POST", "/api/v1/sessions", { body: { email, password } });
  return { client, id: created.body.id };
}

async function inboundCall(t: { client: Client; tenantId: string }) {
  const trunk = await t.client.call<{ id: string }>("POST", "/api/v1/trunks", { body: { name: "T", inboundAddresses: ["127.0.0.1"] } });
  const ctx = systemCtx(server.app.deps, t.tenantId);
  return calls.startInbound({ ctx, input: { fromNumber: "+14155550123", toNumber: "+14155550100", trunkId: trunk.body.id, sipCallId: `s-${Math.random()}`, source: "test" } });
}

describe("tickets API", () => {
  it("creates a ticket with defaults, names its contact and assignee, reads, updates and deletes it", async () => {
    const t = await signupClient(server.url);
    const call = await inboundCall(t);
    const contact = await t.client.call<{ id: string }>("POST", "/api/v1/contacts", { body: { name: "Ada Lovelace" } });
    const bare = await t.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "Question" } });
    expect(bare.status).toBe(201);
    expect(bare.body).toMatchObject({ subject: "Question", description: "", status: "open", priority: "normal", contact: null, assignee: null, callId: null });
    const created = await t.client.call<Ticket>("POST", "/api/v1/tickets", {
      body: { subject: "Broken router", description: "No lights", status: "pending", priority: "high", contactId: contact.body.id, assigneeId: t.userId, callId: call.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "pending", priority: "high", contact: { id: contact.body.id, name: "Ada Lovelace" }, assignee: { id: t.userId, name: "Admin" }, callId: call.id });
    expect((await t.client.call<Ticket>("GET", `/api/v1/tickets/${created.body.id}`)).body).toEqual(created.body);
    const patched = await t.client.call<Ticket>("PATCH", `/api/v1/tickets/${created.body.id}`, { body: { status: "closed", priority: "urgent", assigneeId: null, description: "Replaced" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: "closed", priority: "urgent", assignee: null, description: "Replaced", contact: { name: "Ada Lovelace" } });
    expect((await t.client.call("DELETE", `/api/v1/tickets/${bare.body.id}`)).status).toBe(204);
    expect((await t.client.call("GET", `/api/v1/tickets/${bare.body.id}`)).status).toBe(404);
    expect((await t.client.call<Ticket[]>("GET", "/api/v1/tickets")).body.map((x) => x.id)).toEqual([created.body.id]);
  });

  it("filters by status, contact and assignee", async () => {
    const t = await signupClient(server.url);
    const ada = await agent(t.client);
    const contact = await t.client.call<{ id: string }>("POST", "/api/v1/contacts", { body: { name: "Grace" } });
    const a = await t.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "A", contactId: contact.body.id } });
    const b = await t.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "B", status: "pending", assigneeId: ada.id } });
    await t.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "C", status: "closed" } });
    const subjects = async (qs: string) => (await t.client.call<Ticket[]>("GET", `/api/v1/tickets${qs}`)).body.map((x) => x.subject).sort();
    expect(await subjects("")).toEqual(["A", "B", "C"]);
    expect(await subjects("?status=open")).toEqual(["A"]);
    expect(await subjects("?status=pending")).toEqual(["B"]);
    expect(await subjects(`?contactId=${contact.body.id}`)).toEqual(["A"]);
    expect(await subjects(`?assigneeId=${ada.id}`)).toEqual(["B"]);
    expect(await subjects(`?assigneeId=${ada.id}&status=open`)).toEqual([]);
    expect(a.body.id).not.toBe(b.body.id);
    for (const qs of ["?status=lost", "?contactId=nope", "?other=1"]) {
      const res = await t.client.call<Err>("GET", `/api/v1/tickets${qs}`);
      expect(res.status, qs).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });

  it("refuses another tenant's contact, user or call as a reference (422) without saying whose it is", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirContact = await a.client.call<{ id: string }>("POST", "/api/v1/contacts", { body: { name: "Theirs" } });
    const theirCall = await inboundCall(a);
    const mine = await b.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "Mine" } });
    for (const [field, ref] of [["contactId", theirContact.body.id], ["assigneeId", a.userId], ["callId", theirCall.id]] as const) {
      const created = await b.client.call<Err>("POST", "/api/v1/tickets", { body: { subject: "x", [field]: ref } });
      expect(created.status, field).toBe(422);
      expect(created.body.error.code).toBe("validation_failed");
      expect(created.body.error.message).not.toContain("Theirs");
      const patched = await b.client.call<Err>("PATCH", `/api/v1/tickets/${mine.body.id}`, { body: { [field]: ref } });
      expect(patched.status, field).toBe(422);
    }
    const after = await b.client.call<Ticket[]>("GET", "/api/v1/tickets");
    expect(after.body.map((x) => x.subject)).toEqual(["Mine"]);
    expect(after.body[0]).toMatchObject({ contact: null, assignee: null, callId: null });
  });

  it("appends a call's notes on the server: two updates at once both keep their words, and the call is linked", async () => {
    const t = await signupClient(server.url);
    const a = await agent(t.client, "Ada Agent");
    const b = await agent(t.client, "Bo Agent");
    const [first, second] = [await inboundCall(t), await inboundCall(t)];
    const ticket = (await t.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "Router reboots", description: "Reported by email." } })).body;
    const append = (c: Client, callId: string, notes: string, extra: Record<string, unknown> = {}) => c.call<Ticket & Err>("PATCH", `/api/v1/tickets/${ticket.id}`, { body: { appendCallNotes: { callId, notes }, ...extra } });
    const [ra, rb] = await Promise.all([append(a.client, first.id, "Replaced the power supply.", { status: "pending" }), append(b.client, second.id, "Customer called back: still reboots.")]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const after = (await t.client.call<Ticket>("GET", `/api/v1/tickets/${ticket.id}`)).body;
    expect(after.description.startsWith("Reported by email.\n\n— Call on ")).toBe(true);
    expect(after.description).toContain(`(call ${first.id}) —\nReplaced the power supply.`);
    expect(after.description).toContain(`(call ${second.id}) —\nCustomer called back: still reboots.`);
    expect(after.status).toBe("pending");
    expect([first.id, second.id]).toContain(after.callId); // the first to land links its call; the other keeps it
    // A description and appended notes at once, another tenant's call, and notes that would overflow: refused, nothing changed.
    expect((await append(a.client, first.id, "x", { description: "y" })).body.error.code).toBe("validation_failed");
    const other = await signupClient(server.url, "other");
    const theirs = await inboundCall(other);
    expect((await append(a.client, theirs.id, "x")).status).toBe(404);
    const big = "n".repeat(4_000);
    await append(a.client, first.id, big);
    await append(a.client, first.id, big);
    const overflow = await append(a.client, first.id, big);
    expect([overflow.status, overflow.body.error.code]).toEqual([422, "validation_failed"]);
    expect((await t.client.call<Ticket>("GET", `/api/v1/tickets/${ticket.id}`)).body.description.length).toBeLessThanOrEqual(10_000);
  });

  it("answers another tenant's ticket with 404 and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirs = await a.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "Private" } });
    for (const [method, body] of [["GET"], ["PATCH", { subject: "Stolen" }], ["DELETE"]] as const) {
      const res = await b.client.call<Err>(method, `/api/v1/tickets/${theirs.body.id}`, { body });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await b.client.call<Ticket[]>("GET", "/api/v1/tickets")).body).toEqual([]);
    expect((await a.client.call<Ticket>("GET", `/api/v1/tickets/${theirs.body.id}`)).body).toMatchObject({ subject: "Private", status: "open" });
  });

  it("lets agents create and update but only admins delete; refuses bad input with a code", async () => {
    const t = await signupClient(server.url);
    const ada = await agent(t.client);
    const made = await ada.client.call<Ticket>("POST", "/api/v1/tickets", { body: { subject: "From a call", assigneeId: ada.id } });
    expect(made.status).toBe(201);
    expect(made.body.assignee).toEqual({ id: ada.id, name: "Ada Agent" });
    expect((await ada.client.call("PATCH", `/api/v1/tickets/${made.body.id}`, { body: { status: "pending" } })).status).toBe(200);
    expect((await ada.client.call<Err>("DELETE", `/api/v1/tickets/${made.body.id}`)).body.error.code).toBe("forbidden");
    const cases: Array<{ opts: { body?: unknown; raw?: string }; status: number; code: string }> = [
      { opts: { raw: "{nope" }, status: 400, code: "invalid_json" },
      { opts: { body: {} }, status: 422, code: "validation_failed" },
      { opts: { body: { subject: "  " } }, status: 422, code: "validation_failed" },
      { opts: { body: { subject: "x", status: "lost" } }, status: 422, code: "validation_failed" },
      { opts: { body: { subject: "x", priority: "meh" } }, status: 422, code: "validation_failed" },
      { opts: { body: { subject: "x", contactId: "nope" } }, status: 422, code: "validation_failed" },
      { opts: { body: { subject: "x", contactId: "00000000-0000-4000-8000-000000000000" } }, status: 422, code: "validation_failed" },
      { opts: { body: { subject: "x", extra: 1 } }, status: 422, code: "validation_failed" },
    ];
    for (const c of cases) {
      const res = await t.client.call<Err>("POST", "/api/v1/tickets", c.opts);
      expect(res.status, JSON.stringify(c.opts)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
    }
    expect((await t.client.call("GET", "/api/v1/tickets/not-a-uuid")).status).toBe(404);
    expect((await new Client(server.url).call("GET", "/api/v1/tickets")).status).toBe(401);
    const all = await t.client.call<Ticket[]>("GET", "/api/v1/tickets");
    expect(all.body.map((x) => [x.subject, x.status])).toEqual([["From a call", "pending"]]);
  });
});
