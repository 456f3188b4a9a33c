import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { type Role, auditLog, queueMembers, queues, skills, users } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant, unique, uniqueEmail } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import * as skillService from "../skills";
import { addAgent, create, get, list, listAgents, remove, removeAgent, update } from ".";
import { queueCreate, queueUpdate } from "./schemas";

/** A user row of the tenant, written directly (the users service is not what is under test). */
async function makeUser(ctx: Ctx, name: string, role: Role = "agent") {
  const [row] = await ctx.deps.db
    .insert(users)
    .values({ tenantId: ctx.tenantId, email: uniqueEmail(name.toLowerCase()), name, role })
    .returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

const makeSkill = (ctx: Ctx, name = unique("skill")) => skillService.create({ ctx, input: { name } });
const newQueue = (ctx: Ctx, extra: Record<string, unknown> = {}) =>
  create({ ctx, input: queueCreate.parse({ name: unique("queue"), ...extra }) });

describe.each(testDrivers)("queues on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ db, deps } = opened));

  const auditOf = async (ctx: Ctx) =>
    (await db.db.select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId)).orderBy(auditLog.createdAt))
      .map((a) => a.action)
      .filter((a) => a.startsWith("queue."));

  it("creates a queue with the documented defaults and an audit row", async () => {
    const { ctx } = await makeTenant(deps);
    const q = await create({ ctx, input: queueCreate.parse({ name: "  Support  " }) });
    expect(q).toMatchObject({
      name: "Support",
      strategy: "longest-idle",
      ringTimeoutSec: 20,
      maxWaitSec: 600,
      maxWaitAction: "voicemail",
      overflow: null,
      serviceLevelSec: 20,
      priority: 0,
      skills: [],
      agentCount: 0,
      announceEverySec: null,
      announcePosition: true,
      announceWaitTime: true,
      alertMaxWaiting: null,
      alertLongestWaitSec: 20,
      alertServiceLevelPct: null,
      alertAbandonRatePct: null,
    });
    expect(new Date(q.createdAt).toISOString()).toBe(q.createdAt);
    expect(await get({ ctx, input: { id: q.id } })).toEqual(q);
    const [row] = await db.db.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, "queue.create")));
    expect(row).toMatchObject({ entityId: q.id, actorUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null });
  });

  it("validates input ranges and enums in the schemas", () => {
    const ok = { name: "Q" };
    expect(queueCreate.safeParse(ok).success).toBe(true);
    for (const bad of [
      {},
      { name: "" },
      { name: "   " },
      { name: 42 },
      { ...ok, strategy: "random" },
      { ...ok, ringTimeoutSec: 4 },
      { ...ok, ringTimeoutSec: 301 },
      { ...ok, ringTimeoutSec: 20.5 },
      { ...ok, maxWaitSec: 9 },
      { ...ok, maxWaitSec: 86_401 },
      { ...ok, maxWaitAction: "drop" },
      { ...ok, overflow: { queueId: "not-a-uuid", afterSec: 30 } },
      { ...ok, overflow: { queueId: randomUUID(), afterSec: 4 } },
      { ...ok, overflow: { queueId: randomUUID(), afterSec: 3601 } },
      { ...ok, overflow: { queueId: randomUUID() } },
      { ...ok, serviceLevelSec: 0 },
      { ...ok, priority: -1 },
      { ...ok, priority: 101 },
      { ...ok, skills: [{ skillId: randomUUID(), minLevel: 0 }] },
      { ...ok, skills: [{ skillId: randomUUID(), minLevel: 11 }] },
      { ...ok, skills: [{ skillId: randomUUID(), minLevel: 3, extra: 1 }] },
      { ...ok, unknown: true },
      { ...ok, announceEverySec: 14 },
      { ...ok, announceEverySec: 601 },
      { ...ok, announceEverySec: 30.5 },
      { ...ok, announceEverySec: "30" },
      { ...ok, announcePosition: "yes" },
      { ...ok, announceWaitTime: null },
      { ...ok, alertMaxWaiting: -1 },
      { ...ok, alertLongestWaitSec: 0 },
      { ...ok, alertServiceLevelPct: 101 },
      { ...ok, alertAbandonRatePct: 100 },
      { ...ok, alertAbandonRatePct: "10" },
    ]) {
      expect(queueCreate.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(queueUpdate.safeParse({}).success).toBe(true);
    expect(queueUpdate.safeParse({ overflow: null }).success).toBe(true);
    expect(queueUpdate.safeParse({ name: "" }).success).toBe(false);
    expect(queueUpdate.safeParse({ agentCount: 3 }).success).toBe(false);
  });

  it("sets, changes and turns off announcements; refuses announcements with nothing to say", async () => {
    const { ctx } = await makeTenant(deps);
    const q = await newQueue(ctx, { announceEverySec: 15, announceWaitTime: false });
    expect(q).toMatchObject({ announceEverySec: 15, announcePosition: true, announceWaitTime: false });
    const changed = await update({ ctx, input: { id: q.id, patch: { announceEverySec: 600, announcePosition: false, announceWaitTime: true } } });
    expect(changed).toMatchObject({ announceEverySec: 600, announcePosition: false, announceWaitTime: true });
    const nothing = { code: "validation_failed", details: { field: "announceEverySec" } };
    // Both parts off while announcements are on: nothing would be said.
    await expect(update({ ctx, input: { id: q.id, patch: { announceWaitTime: false } } })).rejects.toMatchObject(nothing);
    await expect(newQueue(ctx, { announceEverySec: 60, announcePosition: false, announceWaitTime: false })).rejects.toMatchObject(nothing);
    expect(await get({ ctx, input: { id: q.id } })).toEqual(changed);
    const off = await update({ ctx, input: { id: q.id, patch: { announceEverySec: null, announceWaitTime: false } } });
    expect(off).toMatchObject({ announceEverySec: null, announcePosition: false, announceWaitTime: false });
    await expect(update({ ctx, input: { id: q.id, patch: { announceEverySec: 30 } } })).rejects.toMatchObject(nothing);
    expect((await list({ ctx })).map((x) => x.announceEverySec)).toEqual([null]);
    expect((await auditOf(ctx)).filter((a) => a === "queue.update")).toHaveLength(2);
  });

  it("keeps queue names unique per tenant only", async () => {
    const a = await makeTenant(deps);
    const b = await makeTenant(deps);
    await newQueue(a.ctx, { name: "Sales" });
    await expect(newQueue(a.ctx, { name: "Sales" })).rejects.toMatchObject({ code: "conflict" });
    expect(await newQueue(b.ctx, { name: "Sales" })).toMatchObject({ name: "Sales" });
    const other = await newQueue(a.ctx, { name: "Billing" });
    await expect(update({ ctx: a.ctx, input: { id: other.id, patch: { name: "Sales" } } })).rejects.toMatchObject({ code: "conflict" });
    expect((await get({ ctx: a.ctx, input: { id: other.id } })).name).toBe("Billing");
    expect((await list({ ctx: a.ctx })).map((q) => q.name)).toEqual(["Billing", "Sales"]);
  });

  it("sets and replaces skills; refuses unknown, foreign and repeated skills", async () => {
    const { ctx } = await makeTenant(deps);
    const other = await makeTenant(deps);
    const english = await makeSkill(ctx, "English");
    const billing = await makeSkill(ctx, "Billing");
    const foreign = await makeSkill(other.ctx, "Foreign");
    const q = await newQueue(ctx, { skills: [{ skillId: english.id, minLevel: 3 }, { skillId: billing.id, minLevel: 5 }] });
    expect(q.skills).toEqual([
      { skillId: billing.id, name: "Billing", minLevel: 5 },
      { skillId: english.id, name: "English", minLevel: 3 },
    ]);
    const replaced = await update({ ctx, input: { id: q.id, patch: { skills: [{ skillId: english.id, minLevel: 7 }] } } });
    expect(replaced.skills).toEqual([{ skillId: english.id, name: "English", minLevel: 7 }]);
    const untouched = await update({ ctx, input: { id: q.id, patch: { priority: 9 } } });
    expect(untouched.skills).toEqual(replaced.skills);
    expect(untouched.priority).toBe(9);

    for (const skillId of [foreign.id, randomUUID()]) {
      const bad = [{ skillId, minLevel: 1 }];
      await expect(newQueue(ctx, { skills: bad })).rejects.toMatchObject({ code: "validation_failed", details: { field: "skills" } });
      await expect(update({ ctx, input: { id: q.id, patch: { skills: bad } } })).rejects.toMatchObject({
        code: "validation_failed",
        details: { field: "skills" },
      });
    }
    const twice = [{ skillId: english.id, minLevel: 1 }, { skillId: english.id, minLevel: 2 }];
    await expect(update({ ctx, input: { id: q.id, patch: { skills: twice } } })).rejects.toMatchObject({ code: "validation_failed" });
    expect((await get({ ctx, input: { id: q.id } })).skills).toEqual(replaced.skills);
    expect((await list({ ctx })).map((x) => x.name)).toEqual([q.name]);

    expect((await update({ ctx, input: { id: q.id, patch: { skills: [] } } })).skills).toEqual([]);
    await update({ ctx, input: { id: q.id, patch: { skills: [{ skillId: billing.id, minLevel: 2 }] } } });
    await skillService.remove({ ctx, input: { id: billing.id } });
    expect((await get({ ctx, input: { id: q.id } })).skills).toEqual([]);
  });

  it("overflows only into another queue of the same tenant", async () => {
    const { ctx } = await makeTenant(deps);
    const other = await makeTenant(deps);
    const target = await newQueue(ctx);
    const foreign = await newQueue(other.ctx);
    const q = await newQueue(ctx, { overflow: { queueId: target.id, afterSec: 60 } });
    expect(q.overflow).toEqual({ queueId: target.id, afterSec: 60 });

    const refused = { code: "validation_failed", details: { field: "overflow.queueId" } };
    await expect(update({ ctx, input: { id: q.id, patch: { overflow: { queueId: q.id, afterSec: 30 } } } })).rejects.toMatchObject(refused);
    await expect(update({ ctx, input: { id: q.id, patch: { overflow: { queueId: foreign.id, afterSec: 30 } } } })).rejects.toMatchObject(refused);
    await expect(newQueue(ctx, { overflow: { queueId: foreign.id, afterSec: 30 } })).rejects.toMatchObject(refused);
    await expect(newQueue(ctx, { overflow: { queueId: randomUUID(), afterSec: 30 } })).rejects.toMatchObject(refused);
    expect((await get({ ctx, input: { id: q.id } })).overflow).toEqual({ queueId: target.id, afterSec: 60 });
    expect((await list({ ctx })).length).toBe(2);

    expect((await update({ ctx, input: { id: q.id, patch: { name: "Renamed" } } })).overflow).toEqual({ queueId: target.id, afterSec: 60 });
    expect((await update({ ctx, input: { id: q.id, patch: { overflow: null } } })).overflow).toBeNull();
    const [row] = await db.db.select().from(queues).where(eq(queues.id, q.id));
    expect(row).toMatchObject({ overflowQueueId: null, overflowAfterSec: null });
  });

  it("refuses an overflow chain that loops back (A -> B -> A)", async () => {
    const { ctx } = await makeTenant(deps);
    const a = await newQueue(ctx);
    const b = await newQueue(ctx, { overflow: { queueId: a.id, afterSec: 30 } });
    const c = await newQueue(ctx, { overflow: { queueId: b.id, afterSec: 30 } });
    await expect(update({ ctx, input: { id: a.id, patch: { overflow: { queueId: c.id, afterSec: 30 } } } })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/loop/),
    });
    expect((await get({ ctx, input: { id: a.id } })).overflow).toBeNull();
  });

  it("deleting a queue clears the overflow of the queues that pointed at it", async () => {
    const { ctx } = await makeTenant(deps);
    const target = await newQueue(ctx);
    const a = await newQueue(ctx, { overflow: { queueId: target.id, afterSec: 30 } });
    const b = await newQueue(ctx, { overflow: { queueId: target.id, afterSec: 90 } });
    const agent = await makeUser(ctx, "Ann");
    await addAgent({ ctx, input: { id: target.id, userId: agent.id } });
    await remove({ ctx, input: { id: target.id } });
    await expect(get({ ctx, input: { id: target.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(remove({ ctx, input: { id: target.id } })).rejects.toMatchObject({ code: "not_found" });
    for (const q of [a, b]) {
      expect((await get({ ctx, input: { id: q.id } })).overflow).toBeNull();
      const [row] = await db.db.select().from(queues).where(eq(queues.id, q.id));
      expect(row).toMatchObject({ overflowQueueId: null, overflowAfterSec: null });
    }
    expect(await db.db.select().from(queueMembers).where(eq(queueMembers.queueId, target.id))).toEqual([]);
    expect((await db.db.select().from(users).where(eq(users.id, agent.id))).length).toBe(1);
    expect(await auditOf(ctx)).toEqual(["queue.create", "queue.create", "queue.create", "queue.agent.add", "queue.delete"]);
  });

  it("adds members idempotently, lists them and removes them", async () => {
    const { ctx, user: admin } = await makeTenant(deps);
    const q = await newQueue(ctx);
    const bob = await makeUser(ctx, "Bob");
    const ann = await makeUser(ctx, "Ann", "supervisor");

    expect(await addAgent({ ctx, input: { id: q.id, userId: bob.id } })).toEqual({ member: { queueId: q.id, userId: bob.id }, created: true });
    expect(await addAgent({ ctx, input: { id: q.id, userId: bob.id } })).toEqual({ member: { queueId: q.id, userId: bob.id }, created: false });
    await addAgent({ ctx, input: { id: q.id, userId: ann.id } });
    await addAgent({ ctx, input: { id: q.id, userId: admin.id } });
    expect(await listAgents({ ctx, input: { id: q.id } })).toEqual([
      { userId: admin.id, name: "Admin", email: admin.email, role: "admin" },
      { userId: ann.id, name: "Ann", email: ann.email, role: "supervisor" },
      { userId: bob.id, name: "Bob", email: bob.email, role: "agent" },
    ]);
    expect((await get({ ctx, input: { id: q.id } })).agentCount).toBe(3);

    await removeAgent({ ctx, input: { id: q.id, userId: bob.id } });
    await expect(removeAgent({ ctx, input: { id: q.id, userId: bob.id } })).rejects.toMatchObject({ code: "not_found" });
    expect((await listAgents({ ctx, input: { id: q.id } })).map((m) => m.userId)).toEqual([admin.id, ann.id]);
    expect((await list({ ctx }))[0]?.agentCount).toBe(2);
    await expect(addAgent({ ctx, input: { id: q.id, userId: randomUUID() } })).rejects.toMatchObject({ code: "not_found" });
    await expect(addAgent({ ctx, input: { id: randomUUID(), userId: bob.id } })).rejects.toMatchObject({ code: "not_found" });

    expect(await auditOf(ctx)).toEqual(["queue.create", "queue.agent.add", "queue.agent.add", "queue.agent.add", "queue.agent.remove"]);
    const rows = await db.db.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, "queue.agent.remove")));
    expect(rows[0]).toMatchObject({ entityId: q.id, data: { userId: bob.id } });
  });

  it("writes an audit row for update and delete, none for a refused change", async () => {
    const { ctx } = await makeTenant(deps);
    const q = await newQueue(ctx, { name: "First" });
    await update({ ctx, input: { id: q.id, patch: { strategy: "round-robin", ringTimeoutSec: 30 } } });
    await expect(update({ ctx, input: { id: q.id, patch: { overflow: { queueId: q.id, afterSec: 10 } } } })).rejects.toThrow();
    await remove({ ctx, input: { id: q.id } });
    expect(await auditOf(ctx)).toEqual(["queue.create", "queue.update", "queue.delete"]);
    const [row] = await db.db.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, "queue.update")));
    expect(row?.data).toEqual({ strategy: "round-robin", ringTimeoutSec: 30 });
  });

  it("another tenant sees none of it and can change none of it", async () => {
    const a = await makeTenant(deps);
    const b = await makeTenant(deps);
    const skill = await makeSkill(a.ctx);
    const q = await newQueue(a.ctx, { skills: [{ skillId: skill.id, minLevel: 2 }] });
    const agentA = await makeUser(a.ctx, "Alice");
    const agentB = await makeUser(b.ctx, "Boris");
    await addAgent({ ctx: a.ctx, input: { id: q.id, userId: agentA.id } });
    const before = await get({ ctx: a.ctx, input: { id: q.id } });
    const notFound = { code: "not_found" };

    await expect(get({ ctx: b.ctx, input: { id: q.id } })).rejects.toMatchObject(notFound);
    await expect(update({ ctx: b.ctx, input: { id: q.id, patch: { name: "Stolen" } } })).rejects.toMatchObject(notFound);
    await expect(remove({ ctx: b.ctx, input: { id: q.id } })).rejects.toMatchObject(notFound);
    await expect(listAgents({ ctx: b.ctx, input: { id: q.id } })).rejects.toMatchObject(notFound);
    await expect(addAgent({ ctx: b.ctx, input: { id: q.id, userId: agentB.id } })).rejects.toMatchObject(notFound);
    await expect(removeAgent({ ctx: b.ctx, input: { id: q.id, userId: agentA.id } })).rejects.toMatchObject(notFound);
    // A's own queue with B's user: the user is not found.
    await expect(addAgent({ ctx: a.ctx, input: { id: q.id, userId: agentB.id } })).rejects.toMatchObject({ code: "not_found", message: "User not found" });
    await expect(removeAgent({ ctx: a.ctx, input: { id: q.id, userId: agentB.id } })).rejects.toMatchObject(notFound);
    // B cannot point its own queue at A's queue or use A's skill.
    await expect(newQueue(b.ctx, { overflow: { queueId: q.id, afterSec: 30 } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(newQueue(b.ctx, { skills: [{ skillId: skill.id, minLevel: 1 }] })).rejects.toMatchObject({ code: "validation_failed" });

    expect(await list({ ctx: b.ctx })).toEqual([]);
    expect(await get({ ctx: a.ctx, input: { id: q.id } })).toEqual(before);
    expect((await listAgents({ ctx: a.ctx, input: { id: q.id } })).map((m) => m.userId)).toEqual([agentA.id]);
    expect(await auditOf(b.ctx)).toEqual([]);
    expect(await db.db.select().from(skills).where(eq(skills.id, skill.id))).toHaveLength(1);
  });

  it("runs inside a caller's transaction and rolls back with it", async () => {
    const { ctx } = await makeTenant(deps);
    const name = unique("rolled-back");
    await expect(
      db.db.transaction(async (tx) => {
        await create({ ctx: { ...ctx, tx }, input: queueCreate.parse({ name }) });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await list({ ctx })).toEqual([]);
    expect(await auditOf(ctx)).toEqual([]);
  });
});
