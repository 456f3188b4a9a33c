import { describe, expect, it } from "vitest";
import { agentStates, calls as callsTable, contacts, queueMembers, users } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant, unique, uniqueEmail } from "@/test/factories";
import { type Ctx, type Deps, systemCtx } from "../context";
import * as calls from "../services/calls";
import { recordAnnouncement } from "../services/calls/record-announcement";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import { loadWaitingAnnouncements } from "./wait-edge";

const MIN = 60_000;

async function tenantWithQueue(deps: Deps, extra: Record<string, unknown> = { announceEverySec: 30 }) {
  const admin = await makeTenant(deps);
  const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: unique("Support"), ...extra }) });
  return { ctx: systemCtx(deps, admin.ctx.tenantId), queue };
}

async function waitingCall(ctx: Ctx, queueId: string, opts: { vip?: boolean } = {}) {
  const from = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const call = await calls.startInbound({ ctx, input: { fromNumber: from, toNumber: "+14155550100", trunkId: null as never, sipCallId: unique("sip"), source: "127.0.0.1" } });
  let contactId: string | null = null;
  if (opts.vip) {
    const [c] = await ctx.deps.db.insert(contacts).values({ tenantId: ctx.tenantId, name: "Vera", phone: from, tier: "vip" }).returning();
    contactId = c?.id ?? null;
  }
  await calls.enqueue({ ctx, input: { callId: call.id, queueId, contactId } });
  return call.id;
}

/** A call of the queue that an agent answered `agoMin` minutes ago and handled for `handleSec` (`wrapSec` of it wrap-up). */
async function finishedCall(ctx: Ctx, queueId: string, agoMin: number, handleSec: number, wrapSec: number | null) {
  const answeredAt = new Date(Date.now() - agoMin * MIN);
  const endedAt = new Date(answeredAt.getTime() + (handleSec - (wrapSec ?? 0)) * 1000);
  await ctx.deps.db.insert(callsTable).values({
    tenantId: ctx.tenantId,
    direction: "inbound",
    fromNumber: "+14155550199",
    toNumber: "+14155550100",
    state: "ended",
    nodeId: "elsewhere",
    queueId,
    queuedAt: answeredAt,
    answeredAt,
    endedAt,
    wrappedUpAt: wrapSec === null ? null : new Date(endedAt.getTime() + wrapSec * 1000),
  });
}

async function agent(ctx: Ctx, queueId: string | null, state: (typeof agentStates.$inferInsert)["state"]) {
  const [u] = await ctx.deps.db.insert(users).values({ tenantId: ctx.tenantId, email: uniqueEmail("agent"), name: "Agent", role: "agent" }).returning();
  if (!u) throw new Error("no user");
  if (queueId) await ctx.deps.db.insert(queueMembers).values({ tenantId: ctx.tenantId, queueId, userId: u.id });
  await ctx.deps.db.insert(agentStates).values({ tenantId: ctx.tenantId, userId: u.id, state });
}

describe.each(testDrivers)("waiting announcements on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("puts the VIP first, estimates from the last hour's handle time and the logged-in agents", async () => {
    const { ctx, queue } = await tenantWithQueue(deps);
    const standard = await waitingCall(ctx, queue.id);
    const vip = await waitingCall(ctx, queue.id, { vip: true });
    await finishedCall(ctx, queue.id, 30, 200, 40); // talk + hold 160 s, wrap-up 40 s
    await finishedCall(ctx, queue.id, 10, 100, null); // not wrapped up yet: up to its end
    await finishedCall(ctx, queue.id, 90, 5000, 0); // answered before the last hour: left out
    await agent(ctx, queue.id, "available");
    await agent(ctx, queue.id, "in_call");
    await agent(ctx, queue.id, "break");
    await agent(ctx, queue.id, "offline");
    await agent(ctx, null, "available"); // not of this queue

    const rows = await loadWaitingAnnouncements(deps.db, ctx.tenantId, new Date());
    const byCall = new Map(rows.map((r) => [r.callId, r]));
    expect(rows).toHaveLength(2);
    expect(byCall.get(vip)).toMatchObject({ queueId: queue.id, position: 1, averageHandleSec: 150, agents: 2, estimatedWaitSec: 75, lastAnnouncedAt: null });
    expect(byCall.get(standard)).toMatchObject({ position: 2, averageHandleSec: 150, agents: 2, estimatedWaitSec: 150 });
    expect(byCall.get(vip)?.queue).toEqual({ everySec: 30, position: true, waitTime: true });
    expect(Math.abs((byCall.get(standard)?.enteredAt ?? 0) - Date.now())).toBeLessThan(10_000);
  });

  it("assumes 180 s per call without answered calls and one agent without any; counts position among all waiting calls", async () => {
    const { ctx, queue } = await tenantWithQueue(deps, { announceEverySec: 45, announcePosition: false });
    const first = await waitingCall(ctx, queue.id);
    const second = await waitingCall(ctx, queue.id);
    const rows = await loadWaitingAnnouncements(deps.db, ctx.tenantId, new Date(), { only: (p) => p.callId === second });
    expect(rows.map((r) => r.callId)).toEqual([second]);
    expect(rows[0]).toMatchObject({ position: 2, averageHandleSec: 180, agents: 0, estimatedWaitSec: 360, queue: { everySec: 45, position: false, waitTime: true } });
    expect(await loadWaitingAnnouncements(deps.db, ctx.tenantId, new Date(), { only: () => false })).toEqual([]);
    expect((await loadWaitingAnnouncements(deps.db, ctx.tenantId, new Date())).map((r) => [r.callId, r.position, r.estimatedWaitSec])).toEqual(
      expect.arrayContaining([[first, 1, 180], [second, 2, 360]]),
    );
  });

  it("leaves out queues without announcements, answered calls and other tenants' calls", async () => {
    const a = await tenantWithQueue(deps);
    const b = await tenantWithQueue(deps);
    const quiet = await queues.create({ ctx: a.ctx, input: queueCreate.parse({ name: unique("Quiet") }) });
    await waitingCall(a.ctx, quiet.id);
    const mine = await waitingCall(a.ctx, a.queue.id);
    const theirs = await waitingCall(b.ctx, b.queue.id);
    await waitingCall(b.ctx, b.queue.id);
    const rows = await loadWaitingAnnouncements(deps.db, a.ctx.tenantId, new Date());
    expect(rows.map((r) => [r.callId, r.position])).toEqual([[mine, 1]]);
    expect((await loadWaitingAnnouncements(deps.db, b.ctx.tenantId, new Date())).find((r) => r.callId === theirs)?.position).toBe(1);
  });

  it("records the announcement on the call's timeline (and only for the call's own tenant)", async () => {
    const a = await tenantWithQueue(deps);
    const b = await tenantWithQueue(deps);
    const call = await waitingCall(a.ctx, a.queue.id);
    await recordAnnouncement({ ctx: a.ctx, input: { callId: call, position: 1, estimatedWaitSec: 180 } });
    await expect(recordAnnouncement({ ctx: b.ctx, input: { callId: call, position: 1, estimatedWaitSec: 180 } })).rejects.toMatchObject({ code: "not_found" });
    const [row] = await loadWaitingAnnouncements(deps.db, a.ctx.tenantId, new Date());
    expect(Math.abs((row?.lastAnnouncedAt ?? 0) - Date.now())).toBeLessThan(10_000);
    const record = await calls.get({ ctx: a.ctx, input: { id: call } });
    expect(record.events.filter((e) => e.type === "announcement")).toEqual([
      { at: expect.any(String), type: "announcement", data: { queueId: a.queue.id, position: 1, estimatedWaitSec: 180 } },
    ]);
  });
});
