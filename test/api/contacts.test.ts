import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calls } from "@/db/schema";
import { inTransaction, systemCtx } from "@/server/context";
import { findOrCreateContactByPhone } from "@/server/services/contacts/internal";
import { screenPopOut } from "@/server/services/contacts/schemas";
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
type Contact = { id: string; name: string; phone: string | null; email: string | null; tier: string; notes: string };
type PastCall = { id: string; direction: string; startedAt: string; endedAt: string | null; agentId: string | null; agentName: string | null; dispositionName: string | null; notes: string | null };
type ScreenPop = { contact: Contact; pastCalls: PastCall[]; openTickets: Array<{ id: string; subject: string; status: string }> };
const phone = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
const lookup = (c: Client, number: string) => c.call<ScreenPop>("GET", `/api/v1/contacts/lookup?phone=${encodeURIComponent(number)}`);

async function agentClient(admin: Client) {
  const email = uniqueEmail("agent");
  const password = "a-long-password-1";
  const created = await admin.call("POST", "/api/v1/users", { body: { email, name: "Ada Agent", role: "agent", password } });
  if (created.status !== 201) throw new Error(`user create failed: ${created.status}`);
  const client = new Client(server.url);
  await client.call("POST", "/api/v1/sessions", { body: { email, password } });
  return client;
}

/** A finished call in the history, as the telephony side leaves it after wrap-up. */
async function pastCall(tenantId: string, values: Partial<typeof calls.$inferInsert> & { fromNumber: string; startedAt: Date }) {
  const [row] = await server.app.deps.db
    .insert(calls)
    .values({ tenantId, direction: "inbound", toNumber: "+14155550100", state: "ended", nodeId: "test", endedAt: new Date(values.startedAt.getTime() + 60_000), ...values })
    .returning();
  if (!row) throw new Error("no call");
  return row;
}

describe("contacts API", () => {
  it("creates, reads, searches, updates and deletes a contact", async () => {
    const { client } = await signupClient(server.url);
    const number = phone();
    const created = await client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Grace Hopper", phone: number, email: "grace@example.test", tier: "vip", notes: "Prefers mornings" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Grace Hopper", phone: number, email: "grace@example.test", tier: "vip", notes: "Prefers mornings" });
    const plain = await client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Alan Turing" } });
    expect(plain.body).toMatchObject({ phone: null, email: null, tier: "standard", notes: "" });
    expect((await client.call<Contact>("GET", `/api/v1/contacts/${created.body.id}`)).body.name).toBe("Grace Hopper");
    expect((await client.call<Contact[]>("GET", "/api/v1/contacts")).body.map((c) => c.name)).toEqual(["Alan Turing", "Grace Hopper"]);
    expect((await client.call<Contact[]>("GET", "/api/v1/contacts?q=hopp")).body.map((c) => c.name)).toEqual(["Grace Hopper"]);
    expect((await client.call<Contact[]>("GET", `/api/v1/contacts?q=${encodeURIComponent(number.slice(2, 9))}`)).body.map((c) => c.name)).toEqual(["Grace Hopper"]);
    expect((await client.call<Contact[]>("GET", "/api/v1/contacts?q=GRACE%40example")).body.map((c) => c.name)).toEqual(["Grace Hopper"]);
    expect((await client.call<Contact[]>("GET", "/api/v1/contacts?q=%25")).body).toEqual([]);
    const patched = await client.call<Contact>("PATCH", `/api/v1/contacts/${created.body.id}`, { body: { tier: "standard", email: null } });
    expect(patched.body).toMatchObject({ tier: "standard", email: null, name: "Grace Hopper" });
    expect((await client.call("DELETE", `/api/v1/contacts/${created.body.id}`)).status).toBe(204);
    expect((await client.call("GET", `/api/v1/contacts/${created.body.id}`)).status).toBe(404);
  });

  it("keeps a number unique per tenant (409) while another tenant may hold the same number", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const number = phone();
    await a.client.call("POST", "/api/v1/contacts", { body: { name: "First", phone: number } });
    const dup = await a.client.call<Err>("POST", "/api/v1/contacts", { body: { name: "Dup", phone: number } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");
    const other = await a.client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Other" } });
    expect((await a.client.call<Err>("PATCH", `/api/v1/contacts/${other.body.id}`, { body: { phone: number } })).status).toBe(409);
    expect((await b.client.call("POST", "/api/v1/contacts", { body: { name: "Theirs", phone: number } })).status).toBe(201);
  });

  it("answers another tenant's contact with 404 and changes nothing", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const c = await a.client.call<Contact>("POST", "/api/v1/contacts", { body: { name: "Private", tier: "vip" } });
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      const res = await b.client.call<Err>(method, `/api/v1/contacts/${c.body.id}`, { body });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await b.client.call<Contact[]>("GET", "/api/v1/contacts?q=Private")).body).toEqual([]);
    expect((await a.client.call<Contact>("GET", `/api/v1/contacts/${c.body.id}`)).body).toMatchObject({ name: "Private", tier: "vip" });
  });

  it("lets agents create and update but only admins delete; refuses bad input with a code", async () => {
    const { client: admin } = await signupClient(server.url);
    const agent = await agentClient(admin);
    const made = await agent.call<Contact>("POST", "/api/v1/contacts", { body: { name: "By agent" } });
    expect(made.status).toBe(201);
    expect((await agent.call("PATCH", `/api/v1/contacts/${made.body.id}`, { body: { notes: "called twice" } })).status).toBe(200);
    expect((await agent.call<Err>("DELETE", `/api/v1/contacts/${made.body.id}`)).body.error.code).toBe("forbidden");
    expect((await admin.call<Contact>("GET", `/api/v1/contacts/${made.body.id}`)).body.notes).toBe("called twice");
    const cases: Array<{ opts: { body?: unknown; raw?: string }; status: number; code: string }> = [
      { opts: { raw: "{nope" }, status: 400, code: "invalid_json" },
      { opts: { body: {} }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", phone: "555-1234" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", email: "nope" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", tier: "gold" } }, status: 422, code: "validation_failed" },
      { opts: { body: { name: "x", extra: true } }, status: 422, code: "validation_failed" },
    ];
    for (const c of cases) {
      const res = await admin.call<Err>("POST", "/api/v1/contacts", c.opts);
      expect(res.status, JSON.stringify(c.opts)).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
    }
    expect((await admin.call<Err>("PATCH", `/api/v1/contacts/${made.body.id}`, { body: { name: "" } })).status).toBe(422);
    expect((await admin.call("GET", "/api/v1/contacts/not-a-uuid")).status).toBe(404);
    expect((await new Client(server.url).call("GET", "/api/v1/contacts")).status).toBe(401);
    expect((await admin.call<Contact[]>("GET", "/api/v1/contacts")).body.map((c) => c.name)).toEqual(["By agent"]);
  });
});

describe("screen pop", () => {
  it("creates a contact for a new caller, then finds it with past calls (agent, disposition, notes) and open tickets", async () => {
    const t = await signupClient(server.url);
    const other = await signupClient(server.url, "other");
    const number = phone();
    const first = await lookup(t.client, number);
    expect(first.status).toBe(200);
    expect(first.body.contact).toMatchObject({ name: number, phone: number, tier: "standard" });
    expect(first.body.pastCalls).toEqual([]);
    expect(first.body.openTickets).toEqual([]);

    const dispo = await t.client.call<{ id: string }>("POST", "/api/v1/dispositions", { body: { name: "Resolved" } });
    const older = await pastCall(t.tenantId, { fromNumber: number, startedAt: new Date(Date.now() - 7200_000), agentId: t.userId, dispositionId: dispo.body.id, notes: "Reset the router" });
    const byContact = await pastCall(t.tenantId, { fromNumber: "+14155559999", contactId: first.body.contact.id, startedAt: new Date(Date.now() - 3600_000) });
    await pastCall(other.tenantId, { fromNumber: number, startedAt: new Date() });
    await t.client.call("POST", "/api/v1/tickets", { body: { subject: "Refund", contactId: first.body.contact.id, callId: older.id } });
    await t.client.call("POST", "/api/v1/tickets", { body: { subject: "Done already", status: "closed", contactId: first.body.contact.id } });

    const again = await lookup(t.client, number);
    expect(again.body.contact.id).toBe(first.body.contact.id);
    expect(screenPopOut.parse(again.body).pastCalls[1]?.disposition).toBe("Resolved");
    expect(again.body.pastCalls.map((c) => c.id)).toEqual([byContact.id, older.id]);
    expect(again.body.pastCalls[1]).toMatchObject({ direction: "inbound", agentId: t.userId, agentName: "Admin", dispositionName: "Resolved", notes: "Reset the router" });
    expect(again.body.pastCalls[1]?.endedAt).not.toBeNull();
    expect(again.body.openTickets.map((o) => o.subject)).toEqual(["Refund"]);
    expect((await t.client.call<Contact[]>("GET", `/api/v1/contacts?q=${encodeURIComponent(number)}`)).body).toHaveLength(1);

    // The other tenant's caller with the same number is theirs alone.
    const theirs = await lookup(other.client, number);
    expect(theirs.body.contact.id).not.toBe(first.body.contact.id);
    expect(theirs.body.pastCalls).toHaveLength(1);
    expect(theirs.body.openTickets).toEqual([]);
  });

  it("keeps the last 10 calls and refuses a number that is not E.164", async () => {
    const t = await signupClient(server.url);
    const number = phone();
    for (let i = 0; i < 12; i++) await pastCall(t.tenantId, { fromNumber: number, startedAt: new Date(Date.now() - i * 60_000) });
    expect((await lookup(t.client, number)).body.pastCalls).toHaveLength(10);
    for (const bad of ["12345", "", "+0123"]) {
      const res = await t.client.call<Err>("GET", `/api/v1/contacts/lookup?phone=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await new Client(server.url).call("GET", `/api/v1/contacts/lookup?phone=${encodeURIComponent(number)}`)).status).toBe(401);
  });

  it("findOrCreateContactByPhone returns the same contact every time, also inside a transaction and when raced", async () => {
    const t = await signupClient(server.url);
    const ctx = systemCtx(server.app.deps, t.tenantId);
    const number = phone();
    const raced = await Promise.all([1, 2, 3].map(() => findOrCreateContactByPhone(ctx, number)));
    expect(new Set(raced.map((c) => c.id)).size).toBe(1);
    const inTx = await inTransaction(ctx, async (tx) => {
      const found = await findOrCreateContactByPhone(tx, number);
      const fresh = await findOrCreateContactByPhone(tx, phone());
      return { found, fresh };
    });
    expect(inTx.found.id).toBe(raced[0]?.id);
    expect(inTx.fresh.name).toBe(inTx.fresh.phone);
  });
});
