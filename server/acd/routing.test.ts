import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, createDatabase } from "@/db/client";
import { agentStateEvents, callOffers, calls as callsTable, queueMembers, skills, userSkills, users } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant, testDeps } from "@/test/factories";
import { type Ctx, type Deps, type UserEvent, inTransaction } from "../context";
import { moveAgent } from "../services/agents/internal";
import * as agents from "../services/agents";
import * as calls from "../services/calls";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import { createDispatcher } from "./dispatcher";

/** A clock the test moves (ring timeouts, breaks) while the database keeps real time. */
function clock(deps: Deps) {
  let offset = 0;
  deps.now = () => new Date(Date.now() + offset);
  return { advance: (ms: number) => void (offset += ms) };
}

async function setup(deps: Deps) {
  const admin = await makeTenant(deps);
  const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", ringTimeoutSec: 10 }) });
  const agentCtx = (name: string) => makeQueueAgent(deps, admin.ctx.tenantId, queue.id, name);
  const system: Ctx = { deps, tenantId: admin.ctx.tenantId, actor: { kind: "system", role: "admin" } };
  const newCall = (from = "+14155550123") => makeQueuedCall(system, queue.id, from);
  return { admin, queue, agentCtx, system, newCall };
}

const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");
/** Ends a test's calls: a later sweep (on a shared database) finds none of them waiting. */
const endAll = async (ctx: Ctx, callIds: string[]) => {
  for (const callId of callIds) await calls.end({ ctx: { ...ctx, actor: { kind: "system", role: "admin" } }, input: { callId, reason: "test_done" } });
};

describe.each(testDrivers)("routing on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ db, deps } = opened));

  it("an agent who never chose a state is offline since their account exists, older than any change", async () => {
    const { agentCtx } = await setup(deps);
    const ctx = await agentCtx("New");
    const [u] = await deps.db.select().from(users).where(eq(users.id, userOf(ctx)));
    const before = await agents.getState({ ctx });
    expect(before).toMatchObject({ state: "offline", since: u?.createdAt.toISOString(), offer: null });
    // The workspace keeps the newer of two answers: a read that crossed a change must not win.
    const changed = await agents.setState({ ctx, input: { state: "available" } });
    expect(Date.parse(changed.since)).toBeGreaterThanOrEqual(Date.parse(before.since));
    expect(await agents.getState({ ctx })).toMatchObject({ state: "available", since: changed.since });
    // Each move leaves one history event at the state's own time; a move that does not match leaves none.
    const refused = await inTransaction(ctx, (tx) => moveAgent(tx, userOf(ctx), "ringing", { from: ["break"] }));
    expect(refused).toBeNull();
    await agents.setState({ ctx, input: { state: "break", reason: "Lunch" } });
    const history = await deps.db.select().from(agentStateEvents).where(eq(agentStateEvents.userId, userOf(ctx))).orderBy(agentStateEvents.at);
    expect(history.map((e) => [e.state, e.reason])).toEqual([
      ["available", null],
      ["break", "Lunch"],
    ]);
    expect(history[0]?.at.toISOString()).toBe(changed.since);
  });

  it("offers the longest-idle agent, re-offers after a decline, and wraps up after the call", async () => {
    const offers: Array<{ userId: string; offerId: string }> = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, offerId: e.offerId })) };
    const { agentCtx, newCall, system } = await setup(d);
    const first = await agentCtx("First");
    await agents.setState({ ctx: first, input: { state: "available" } });
    const second = await agentCtx("Second");
    await agents.setState({ ctx: second, input: { state: "available" } });
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      const call = await newCall();
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers.map((o) => o.userId)).toEqual([userOf(first)]);
      await calls.declineOffer({ ctx: first, input: { offerId: offers[0]!.offerId } });
      expect((await agents.getState({ ctx: first })).state).toBe("break");
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers.map((o) => o.userId)).toEqual([userOf(first), userOf(second)]);
      await expect(calls.answerOffer({ ctx: first, input: { offerId: offers[1]!.offerId } })).rejects.toMatchObject({ code: "conflict" });
      await calls.answerOffer({ ctx: second, input: { offerId: offers[1]!.offerId } });
      expect((await agents.getState({ ctx: second })).state).toBe("in_call");
      await calls.end({ ctx: system, input: { callId: call.id, reason: "caller_hangup" } });
      expect((await agents.getState({ ctx: second })).state).toBe("after_call_work");
      await calls.wrapUp({ ctx: second, input: { callId: call.id, dispositionId: null, notes: "Reset the router" } });
      expect((await agents.getState({ ctx: second })).state).toBe("available");
      const record = await calls.get({ ctx: system, input: { id: call.id } });
      expect(record).toMatchObject({ state: "ended", endReason: "caller_hangup", notes: "Reset the router", agent: { name: "Second" } });
      expect(record.offers.map((o) => [o.agentName, o.result])).toEqual([["First", "declined"], ["Second", "answered"]]);
      expect(record.events.map((e) => e.type)).toEqual(["invite", "queued", "offered", "offer_declined", "offered", "answered", "ended", "wrapped_up"]);
    } finally {
      await dispatcher.close();
    }
  });

  it("treats an unanswered offer as missed after the ring timeout and records an abandoned call", async () => {
    const { agentCtx, newCall, system } = await setup(deps);
    const time = clock(deps);
    const agent = await agentCtx("Sleepy");
    await agents.setState({ ctx: agent, input: { state: "available" } });
    const dispatcher = createDispatcher(deps, { sweepMs: 60_000 });
    try {
      const call = await newCall();
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect((await agents.getState({ ctx: agent })).state).toBe("ringing");
      time.advance(11_000);
      await dispatcher.sweep();
      await dispatcher.idle();
      expect((await agents.getState({ ctx: agent })).state).toBe("break");
      expect((await calls.get({ ctx: system, input: { id: call.id } })).state).toBe("queued");
      time.advance(16_000); // the short break ends by itself, but this agent already missed this call
      await dispatcher.sweep();
      await dispatcher.idle();
      expect((await agents.getState({ ctx: agent })).state).toBe("available");
      await calls.end({ ctx: system, input: { callId: call.id, reason: "caller_hangup" } });
      const record = await calls.get({ ctx: system, input: { id: call.id } });
      expect(record.endReason).toBe("abandoned");
      expect(record.offers.map((o) => o.result)).toEqual(["missed"]);
    } finally {
      await dispatcher.close();
    }
  });

  it("rings a call for one person at that person only, whatever queues they are in", async () => {
    const offers: string[] = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push(userId)) };
    const { agentCtx, system } = await setup(d);
    const other = await agentCtx("Other");
    const target = await agentCtx("Target");
    for (const a of [other, target]) await agents.setState({ ctx: a, input: { state: "available" } });
    const call = await calls.startInbound({ ctx: system, input: { fromNumber: "+14155550999", toNumber: "+14155550100", trunkId: null as never, sipCallId: "d", source: "test" } });
    await calls.enqueue({ ctx: system, input: { callId: call.id, userId: userOf(target) } });
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers).toEqual([userOf(target)]);
    } finally {
      await dispatcher.close();
    }
  });

  it("transfers blind to another agent: the first wraps up, the second answers, the record keeps both", async () => {
    const offers: Array<{ userId: string; offerId: string }> = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, offerId: e.offerId })) };
    const { agentCtx, newCall, system } = await setup(d);
    const first = await agentCtx("First");
    const second = await agentCtx("Second");
    await agents.setState({ ctx: first, input: { state: "available" } });
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      const call = await newCall();
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      await calls.answerOffer({ ctx: first, input: { offerId: offers[0]!.offerId } });
      await agents.setState({ ctx: second, input: { state: "available" } });
      await expect(calls.transfer({ ctx: second, input: { callId: call.id, userId: userOf(first) } })).rejects.toMatchObject({ code: "conflict" });
      await calls.transfer({ ctx: first, input: { callId: call.id, userId: userOf(second) } });
      expect((await agents.getState({ ctx: first })).state).toBe("after_call_work");
      await calls.wrapUp({ ctx: first, input: { callId: call.id, dispositionId: null, notes: "Passed to billing" } });
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers.map((o) => o.userId)).toEqual([userOf(first), userOf(second)]);
      await calls.answerOffer({ ctx: second, input: { offerId: offers[1]!.offerId } });
      const record = await calls.get({ ctx: system, input: { id: call.id } });
      expect(record).toMatchObject({ state: "in_call", agent: { name: "Second" } });
      expect(record.transfers).toHaveLength(1);
      expect(record.offers.map((o) => [o.agentName, o.result])).toEqual([["First", "answered"], ["Second", "answered"]]);
    } finally {
      await dispatcher.close();
    }
  });

  it("moves a call that waited past the overflow delay to the overflow queue, where its agents get it", async () => {
    // The sweep is every tenant's: on a shared database, calls other tests left waiting move too
    // once the clock jumps, so only this call's offers count.
    const seen: Array<{ userId: string; callId: string }> = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && seen.push({ userId, callId: e.callId })) };
    const { admin, queue, agentCtx, newCall, system } = await setup(d);
    const time = clock(d);
    const backup = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Backup" }) });
    await queues.update({ ctx: admin.ctx, input: { id: queue.id, patch: { overflow: { queueId: backup.id, afterSec: 30 } } } });
    const helper = await agentCtx("Helper");
    await db.db.delete(queueMembers).where(eq(queueMembers.userId, userOf(helper)));
    await queues.addAgent({ ctx: admin.ctx, input: { id: backup.id, userId: userOf(helper) } });
    await agents.setState({ ctx: helper, input: { state: "available" } });
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      const call = await newCall();
      const offers = () => seen.filter((o) => o.callId === call.id).map((o) => o.userId);
      await dispatcher.sweep();
      await dispatcher.idle();
      expect(offers()).toEqual([]);
      time.advance(31_000);
      await dispatcher.sweep();
      await dispatcher.idle();
      expect(offers()).toEqual([userOf(helper)]);
      const record = await calls.get({ ctx: system, input: { id: call.id } });
      expect(record.queue?.name).toBe("Backup");
      expect(record.events.map((e) => e.type)).toContain("overflow");
    } finally {
      await dispatcher.close();
    }
  });

  it("reads skill levels from the database: a skills-weighted queue offers the most skilled members, never the unskilled one", async () => {
    const offers: string[] = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push(userId)) };
    const { admin, queue, agentCtx, newCall } = await setup(d);
    const [skill] = await db.db.insert(skills).values({ tenantId: admin.ctx.tenantId, name: `French ${Math.random()}` }).returning();
    if (!skill) throw new Error("no skill");
    await queues.update({ ctx: admin.ctx, input: { id: queue.id, patch: { strategy: "skills-weighted", skills: [{ skillId: skill.id, minLevel: 3 }] } } });
    const [fluent, some, none] = [await agentCtx("Fluent"), await agentCtx("Some"), await agentCtx("None")];
    await db.db.insert(userSkills).values([
      { tenantId: admin.ctx.tenantId, userId: userOf(fluent), skillId: skill.id, level: 9 },
      { tenantId: admin.ctx.tenantId, userId: userOf(some), skillId: skill.id, level: 4 },
    ]);
    for (const a of [none, some, fluent]) await agents.setState({ ctx: a, input: { state: "available" } });
    const made: string[] = [];
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      for (const from of ["+14155550101", "+14155550102", "+14155550103"]) made.push((await newCall(from)).id);
      dispatcher.kick(admin.ctx.tenantId);
      await dispatcher.idle();
      expect(offers).toEqual([userOf(fluent), userOf(some)]);
    } finally {
      await dispatcher.close();
      await endAll(admin.ctx, made);
    }
  });

  it("continues round robin after the agent last offered a call of the queue (from the offer history)", async () => {
    const offers: Array<{ userId: string; offerId: string }> = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, offerId: e.offerId })) };
    const { admin, queue, agentCtx, newCall } = await setup(d);
    await queues.update({ ctx: admin.ctx, input: { id: queue.id, patch: { strategy: "round-robin" } } });
    const byId = [await agentCtx("A"), await agentCtx("B"), await agentCtx("C")].sort((x, y) => userOf(x).localeCompare(userOf(y)));
    const [first, middle, last] = byId as [Ctx, Ctx, Ctx];
    const made: string[] = [];
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      await agents.setState({ ctx: middle, input: { state: "available" } });
      made.push((await newCall()).id);
      dispatcher.kick(admin.ctx.tenantId);
      await dispatcher.idle();
      expect(offers.map((o) => o.userId)).toEqual([userOf(middle)]);
      await calls.declineOffer({ ctx: middle, input: { offerId: offers[0]?.offerId ?? "" } });
      for (const a of [first, middle, last]) await agents.setState({ ctx: a, input: { state: "available" } });
      dispatcher.kick(admin.ctx.tenantId);
      await dispatcher.idle();
      // After the middle one comes the last one (the first would be picked without the history).
      expect(offers.map((o) => o.userId)).toEqual([userOf(middle), userOf(last)]);
    } finally {
      await dispatcher.close();
      await endAll(admin.ctx, made);
    }
  });

  it("offers a caller's last agent even when every other member has been idle longer, and a declined call to the longest idle of the rest", async () => {
    const offers: Array<{ userId: string; offerId: string }> = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, offerId: e.offerId })) };
    const { agentCtx, newCall, system } = await setup(d);
    const time = clock(d);
    const team: Ctx[] = [];
    for (const name of ["A", "B", "C", "D", "E", "F"]) {
      const a = await agentCtx(name);
      time.advance(1000); // idle since one second after the one before
      await agents.setState({ ctx: a, input: { state: "available" } });
      team.push(a);
    }
    const last = team[5] as Ctx;
    const earlier = await newCall("+14155550177");
    await db.db.update(callsTable).set({ state: "ended", agentId: userOf(last), answeredAt: new Date(), endedAt: new Date() }).where(eq(callsTable.id, earlier.id));
    const made: string[] = [];
    const dispatcher = createDispatcher(d, { sweepMs: 60_000 });
    try {
      made.push((await newCall("+14155550177")).id);
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers.map((o) => o.userId)).toEqual([userOf(last)]);

      const other = await newCall("+14155550188");
      made.push(other.id, (await newCall("+14155550199")).id);
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers.slice(1).map((o) => o.userId)).toEqual([userOf(team[0] as Ctx), userOf(team[1] as Ctx)]);
      // Declined by the longest idle, then by the next free one: each time the longest idle of the rest.
      await calls.declineOffer({ ctx: team[0] as Ctx, input: { offerId: offers[1]?.offerId ?? "" } });
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers[3]?.userId).toBe(userOf(team[2] as Ctx));
      await calls.declineOffer({ ctx: team[2] as Ctx, input: { offerId: offers[3]?.offerId ?? "" } });
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      expect(offers.map((o) => o.userId)).toEqual([last, team[0], team[1], team[2], team[3]].map((a) => userOf(a as Ctx)));
      expect((await calls.get({ ctx: system, input: { id: other.id } })).state).toBe("offering");
    } finally {
      await dispatcher.close();
      await endAll(system, made);
    }
  });

  it("lets an agent only choose Available, Break or Offline, never while ringing", async () => {
    const { agentCtx, newCall, system } = await setup(deps);
    const agent = await agentCtx("Busy");
    await agents.setState({ ctx: agent, input: { state: "break", reason: "Lunch" } });
    expect(await agents.getState({ ctx: agent })).toMatchObject({ state: "break", reason: "Lunch" });
    await agents.setState({ ctx: agent, input: { state: "available" } });
    const dispatcher = createDispatcher(deps, { sweepMs: 60_000 });
    try {
      await newCall();
      dispatcher.kick(system.tenantId);
      await dispatcher.idle();
      await expect(agents.setState({ ctx: agent, input: { state: "offline" } })).rejects.toMatchObject({ code: "conflict" });
    } finally {
      await dispatcher.close();
    }
  });

  it("never offers one call twice or one agent two calls when two processes route at once", async () => {
    // A second connection pool plays the second server process (for PGlite: the same database).
    const other: Database = driver.name === "postgres" ? await createDatabase({ url: process.env.TEST_DATABASE_URL as string }) : db;
    const depsB = testDeps(other.db);
    const { agentCtx, newCall, system } = await setup(deps);
    const team = await Promise.all(["A", "B", "C"].map((n) => agentCtx(n)));
    for (const a of team) await agents.setState({ ctx: a, input: { state: "available" } });
    const callIds = [];
    for (let i = 0; i < 5; i++) callIds.push((await newCall(`+1415555020${i}`)).id);
    const one = createDispatcher(deps, { sweepMs: 60_000 });
    const two = createDispatcher(depsB, { sweepMs: 60_000 });
    try {
      for (let i = 0; i < 5; i++) {
        one.kick(system.tenantId);
        two.kick(system.tenantId);
        await Promise.all([one.idle(), two.idle()]);
      }
      const pending = await db.db
        .select()
        .from(callOffers)
        .where(and(eq(callOffers.tenantId, system.tenantId), eq(callOffers.result, "pending")));
      expect(pending).toHaveLength(3);
      expect(new Set(pending.map((p) => p.callId)).size).toBe(3);
      expect(new Set(pending.map((p) => p.userId)).size).toBe(3);
    } finally {
      await Promise.all([one.close(), two.close()]);
      if (other !== db) await other.close();
    }
  });
});
