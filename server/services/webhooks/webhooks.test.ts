import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, webhookDeliveries, webhooks } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant } from "@/test/factories";
import { type Ctx, type Deps, inTransaction, systemCtx } from "../../context";
import { unseal } from "../../crypto/sealed";
import type * as RecordModule from "../audit/record";
import { recordAudit } from "../audit/record";
import * as calls from "../calls";
import * as tickets from "../tickets";
import { create, get, list, listDeliveries, remove, rotateSecret, sendTest, update } from ".";
import { webhookCreate, webhookUpdate } from "./schemas";

// The real recordAudit, wrapped so a test can make it fail once: the change must then roll back.
vi.mock("../audit/record", async (importOriginal) => {
  const real: typeof RecordModule = await importOriginal();
  return { recordAudit: vi.fn(real.recordAudit) };
});

const URL_A = "https://hooks.example.test/hotline?token=abc";

describe("webhook input validation", () => {
  const problems = (input: unknown) => {
    const r = webhookCreate.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("takes http and https URLs with at least one known event", () => {
    expect(webhookCreate.parse({ url: " http://10.0.0.5:8080/in ", events: ["call.ended"] })).toEqual({ url: "http://10.0.0.5:8080/in", description: null, events: ["call.ended"], active: true });
    expect(problems({ url: URL_A, events: ["ticket.created", "ticket.updated"], description: "CRM" })).toEqual([]);
  });

  it("refuses other schemes, credentials, long or broken URLs, and unknown or missing events", () => {
    expect(problems({ url: "ftp://example.com/x", events: ["call.ended"] })).toEqual(["url: must start with http:// or https://"]);
    expect(problems({ url: "https://user:pw@example.com/x", events: ["call.ended"] })).toEqual([
      "url: must not contain a user name or password; check the Hotline-Signature header instead",
    ]);
    expect(problems({ url: "example.com/hooks", events: ["call.ended"] })).toEqual(["url: must be a full URL like https://example.com/hotline-events"]);
    expect(problems({ url: `https://example.com/${"a".repeat(2000)}`, events: ["call.ended"] })).toEqual(["url: must be at most 2,000 characters"]);
    expect(problems({ url: "", events: ["call.ended"] })[0]).toBe("url: is required");
    expect(problems({ url: URL_A, events: [] })).toEqual(["events: choose at least one event"]);
    expect(problems({ url: URL_A, events: ["call.exploded"] })[0]).toMatch(/^events\.0: must be one of call\.started, call\.answered/);
    expect(problems({ url: URL_A, events: ["call.ended"], secret: "mine" })[0]).toMatch(/secret/);
    expect(webhookUpdate.safeParse({ url: "javascript:alert(1)" }).success).toBe(false);
  });
});

describe.each(testDrivers)("webhooks on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  // A clock years ahead: a delivery loop of another process on a shared test database never finds these due.
  useMigratedDatabase(driver, (opened) => {
    db = opened.db;
    deps = { ...opened.deps, now: () => new Date(Date.now() + 50 * 365 * 86_400_000) };
  });

  const rowOf = async (id: string) => (await db.db.select().from(webhooks).where(eq(webhooks.id, id)))[0];
  const auditOf = async (ctx: Ctx) =>
    (await db.db.select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId)).orderBy(auditLog.createdAt)).filter((a) => a.action.startsWith("webhook."));
  const deliveriesOf = (ctx: Ctx) => db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, ctx.tenantId));

  it("creates a webhook whose secret is shown once and stored sealed", async () => {
    const { ctx } = await makeTenant(deps);
    const out = await create({ ctx, input: webhookCreate.parse({ url: URL_A, description: "CRM", events: ["ticket.updated", "ticket.created", "ticket.created"] }) });
    expect(out.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(out).toMatchObject({ url: URL_A, description: "CRM", events: ["ticket.created", "ticket.updated"], active: true, lastDelivery: null });

    const row = await rowOf(out.id);
    expect(row?.tenantId).toBe(ctx.tenantId);
    expect(JSON.stringify(row)).not.toContain(out.secret.slice(6));
    expect(unseal(deps.secret, row?.secretSealed ?? "")).toBe(out.secret);

    const listed = await list({ ctx });
    const { secret: _, ...withoutSecret } = out;
    expect(listed).toEqual([withoutSecret]);
    expect(await get({ ctx, input: { id: out.id } })).toEqual(withoutSecret);
    expect(JSON.stringify([listed, await get({ ctx, input: { id: out.id } })])).not.toContain(out.secret);

    const audit = await auditOf(ctx);
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([["webhook.create", out.id]]);
    expect(audit[0]?.data).toEqual({ url: "https://hooks.example.test/hotline", events: ["ticket.created", "ticket.updated"], active: true });
  });

  it("updates, rotates the secret (shown once again) and removes, each with its audit row", async () => {
    const { ctx } = await makeTenant(deps);
    const made = await create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["call.ended"] }) });
    const updated = await update({ ctx, input: { id: made.id, patch: webhookUpdate.parse({ url: "http://crm.example.test/in", description: "", events: ["call.wrapped_up", "call.started"], active: false }) } });
    expect(updated).toMatchObject({ url: "http://crm.example.test/in", description: null, events: ["call.started", "call.wrapped_up"], active: false });
    expect(updated).not.toHaveProperty("secret");

    const rotated = await rotateSecret({ ctx, input: { id: made.id } });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(made.secret);
    expect(unseal(deps.secret, (await rowOf(made.id))?.secretSealed ?? "")).toBe(rotated.secret);
    expect(JSON.stringify(await get({ ctx, input: { id: made.id } }))).not.toContain(rotated.secret);

    await update({ ctx, input: { id: made.id, patch: { active: true } } });
    await sendTest({ ctx, input: { id: made.id } });
    await remove({ ctx, input: { id: made.id } });
    expect(await list({ ctx })).toEqual([]);
    expect(await deliveriesOf(ctx)).toEqual([]);
    await expect(get({ ctx, input: { id: made.id } })).rejects.toMatchObject({ code: "not_found" });

    const audit = await auditOf(ctx);
    expect(audit.map((a) => a.action)).toEqual(["webhook.create", "webhook.update", "webhook.rotate-secret", "webhook.update", "webhook.delete"]);
    expect(audit[1]?.data).toMatchObject({ fields: ["url", "description", "events", "active"], active: false });
    expect(JSON.stringify(audit)).not.toMatch(/whsec_/);
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    const { ctx } = await makeTenant(deps);
    vi.mocked(recordAudit).mockRejectedValueOnce(new Error("audit store down"));
    await expect(create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["call.ended"] }) })).rejects.toThrow("audit store down");
    expect(await list({ ctx })).toEqual([]);
    const kept = await create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["call.ended"] }) });
    const sealedBefore = (await rowOf(kept.id))?.secretSealed;
    vi.mocked(recordAudit).mockRejectedValueOnce(new Error("audit store down"));
    await expect(rotateSecret({ ctx, input: { id: kept.id } })).rejects.toThrow("audit store down");
    expect((await rowOf(kept.id))?.secretSealed).toBe(sealedBefore);
  });

  it("sends a test as a ping delivery, listed newest first; a disabled webhook cannot be tested", async () => {
    const { ctx } = await makeTenant(deps);
    const made = await create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["ticket.created"] }) });
    const first = await sendTest({ ctx, input: { id: made.id } });
    const second = await sendTest({ ctx, input: { id: made.id } });
    expect(first).toMatchObject({ eventType: "ping", status: "pending", attempts: 0, lastStatus: null });
    const [row] = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, first.id));
    expect(row?.payload).toEqual({ id: row?.eventId, type: "ping", createdAt: first.createdAt, tenantId: ctx.tenantId, data: { webhookId: made.id, message: expect.any(String) } });
    const listed = await listDeliveries({ ctx, input: { id: made.id } });
    expect(new Set(listed.map((d) => d.id))).toEqual(new Set([first.id, second.id]));
    expect((await get({ ctx, input: { id: made.id } })).lastDelivery).toMatchObject({ eventType: "ping", status: "pending" });

    await update({ ctx, input: { id: made.id, patch: { active: false } } });
    await expect(sendTest({ ctx, input: { id: made.id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers another tenant's webhook as not found everywhere and leaves it as it was", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const theirs = await create({ ctx: b.ctx, input: webhookCreate.parse({ url: URL_A, events: ["call.ended"] }) });
    const input = { id: theirs.id };
    for (const attempt of [
      () => get({ ctx: a.ctx, input }),
      () => update({ ctx: a.ctx, input: { id: theirs.id, patch: { active: false } } }),
      () => rotateSecret({ ctx: a.ctx, input }),
      () => listDeliveries({ ctx: a.ctx, input }),
      () => sendTest({ ctx: a.ctx, input }),
      () => remove({ ctx: a.ctx, input }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await list({ ctx: a.ctx })).toEqual([]);
    const row = await rowOf(theirs.id);
    expect(row?.active).toBe(true);
    expect(unseal(deps.secret, row?.secretSealed ?? "")).toBe(theirs.secret);
    expect(await deliveriesOf(b.ctx)).toEqual([]);
    expect(await auditOf(a.ctx)).toEqual([]);
  });

  it("emits an event to each active webhook of the tenant subscribed to it, once per webhook", async () => {
    const { ctx } = await makeTenant(deps);
    const other = await makeTenant(deps, "other");
    const subscribed = await create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["ticket.created", "call.ended"] }) });
    const second = await create({ ctx, input: webhookCreate.parse({ url: "https://b.example.test/", events: ["ticket.created"] }) });
    await create({ ctx, input: webhookCreate.parse({ url: "https://calls.example.test/", events: ["call.started", "ticket.updated"] }) });
    await create({ ctx, input: webhookCreate.parse({ url: "https://off.example.test/", events: ["ticket.created"], active: false }) });
    await create({ ctx: other.ctx, input: webhookCreate.parse({ url: "https://other.example.test/", events: ["ticket.created"] }) });

    const ticket = await tickets.create({ ctx, input: { subject: "Refund", description: "", status: "open", priority: "high", contactId: null, assigneeId: null, callId: null } });
    const rows = await deliveriesOf(ctx);
    expect(rows.map((r) => r.webhookId).sort()).toEqual([subscribed.id, second.id].sort());
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(1);
    for (const r of rows) {
      expect(r).toMatchObject({ eventType: "ticket.created", status: "pending", attempts: 0 });
      expect(r.payload).toEqual({ id: r.eventId, type: "ticket.created", createdAt: expect.any(String), tenantId: ctx.tenantId, data: ticket });
    }
    expect(await deliveriesOf(other.ctx)).toEqual([]);
    expect(await list({ ctx: other.ctx })).toHaveLength(1);
  });

  it("writes nothing when the change rolls back", async () => {
    const { ctx } = await makeTenant(deps);
    await create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["ticket.created"] }) });
    await expect(
      inTransaction(ctx, async (tx) => {
        await tickets.create({ ctx: tx, input: { subject: "Lost", description: "", status: "open", priority: "normal", contactId: null, assigneeId: null, callId: null } });
        expect(await tx.tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, ctx.tenantId))).toHaveLength(1);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await deliveriesOf(ctx)).toEqual([]);
    // The same change committed is sent.
    const kept = await tickets.create({ ctx, input: { subject: "Kept", description: "", status: "open", priority: "normal", contactId: null, assigneeId: null, callId: null } });
    expect((await deliveriesOf(ctx)).map((d) => (d.payload as { data: { id: string } }).data.id)).toEqual([kept.id]);
  });

  it("emits call events with the call's summary, call.ended only when the call ends then", async () => {
    const { ctx } = await makeTenant(deps);
    const hook = await create({ ctx, input: webhookCreate.parse({ url: URL_A, events: ["call.started", "call.ended"] }) });
    const system = systemCtx(deps, ctx.tenantId);
    const call = await calls.startInbound({ ctx: system, input: { fromNumber: "+14155550123", toNumber: "+14155550100", trunkId: null as never, sipCallId: "sip-webhooks", source: "test" } });
    await calls.end({ ctx: system, input: { callId: call.id, reason: "caller_hangup" } });
    await calls.end({ ctx: system, input: { callId: call.id, reason: "caller_hangup" } });
    const rows = await db.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.tenantId, ctx.tenantId), eq(webhookDeliveries.webhookId, hook.id)))
      .orderBy(webhookDeliveries.createdAt);
    expect(rows.map((r) => r.eventType).sort()).toEqual(["call.ended", "call.started"]);
    const ended = rows.find((r) => r.eventType === "call.ended")?.payload as { data: Record<string, unknown> };
    expect(ended.data).toMatchObject({ id: call.id, direction: "inbound", fromNumber: "+14155550123", toNumber: "+14155550100", state: "ended", endReason: "caller_hangup", agentId: null, queueId: null });
    expect(ended.data.endedAt).toEqual(expect.any(String));
  });
});
