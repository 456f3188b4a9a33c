/**
 * The routing engine's persistence edge: reads a tenant's waiting calls, queues and free agents
 * into the pure snapshots, and claims each planned offer in one transaction. The partial unique
 * indexes on call_offers (one pending offer per call, one per agent) and the conditional state
 * updates make the database the arbiter when several server processes plan at once.
 */
import { and, desc, eq, inArray, isNotNull, lte, notInArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentStates, callOffers, calls, queueMembers, queueSkills, queues, userSkills, users } from "@/db/schema";
import { type CallOffer, type Deps, afterCommit, inTransaction, systemCtx } from "../context";
import { isUniqueViolation } from "../errors";
import { moveAgent } from "../services/agents/internal";
import { addCallEvent, toLiveCall } from "../services/calls/internal";
import type { AgentSnapshot, Assignment, QueueSnapshot, WaitingCall } from "./types";

/** The synthetic queue of calls for one person; they ring this long before the next try. */
const DIRECT = "direct";
const DIRECT_RING_SEC = 30;

export interface Snapshot {
  calls: WaitingCall[];
  queues: Map<string, QueueSnapshot & { ringTimeoutSec: number; name: string }>;
  agents: AgentSnapshot[];
}

export async function loadSnapshot(db: Db, tenantId: string): Promise<Snapshot> {
  const waiting = await db
    .select({ id: calls.id, queueId: calls.queueId, targetUserId: calls.targetUserId, queuedAt: calls.queuedAt, priority: calls.priority, fromNumber: calls.fromNumber })
    .from(calls)
    .where(and(eq(calls.tenantId, tenantId), eq(calls.state, "queued"), or(isNotNull(calls.queueId), isNotNull(calls.targetUserId))));
  const available = await db
    .select({ userId: agentStates.userId, idleSince: agentStates.idleSince })
    .from(agentStates)
    .innerJoin(users, and(eq(users.id, agentStates.userId), eq(users.status, "active")))
    .where(and(eq(agentStates.tenantId, tenantId), eq(agentStates.state, "available")));
  if (waiting.length === 0 || available.length === 0) return { calls: [], queues: new Map(), agents: [] };

  const queueIds = [...new Set(waiting.flatMap((c) => (c.queueId ? [c.queueId] : [])))];
  const callIds = waiting.map((c) => c.id);
  const userIds = available.map((a) => a.userId);
  const [queueRows, members, required, skills, tried, sticky, lastOffered] = await Promise.all([
    db.select().from(queues).where(and(eq(queues.tenantId, tenantId), inArray(queues.id, queueIds))),
    db.select().from(queueMembers).where(and(eq(queueMembers.tenantId, tenantId), inArray(queueMembers.queueId, queueIds))),
    db.select().from(queueSkills).where(and(eq(queueSkills.tenantId, tenantId), inArray(queueSkills.queueId, queueIds))),
    db.select().from(userSkills).where(and(eq(userSkills.tenantId, tenantId), inArray(userSkills.userId, userIds))),
    db
      .select({ callId: callOffers.callId, userId: callOffers.userId })
      .from(callOffers)
      .where(and(eq(callOffers.tenantId, tenantId), inArray(callOffers.callId, callIds), notInArray(callOffers.result, ["pending", "answered"]))),
    // Sticky routing: the agent who last answered this caller.
    db
      .selectDistinctOn([calls.fromNumber], { fromNumber: calls.fromNumber, agentId: calls.agentId })
      .from(calls)
      .where(and(eq(calls.tenantId, tenantId), inArray(calls.fromNumber, [...new Set(waiting.map((c) => c.fromNumber))]), isNotNull(calls.agentId)))
      .orderBy(calls.fromNumber, desc(calls.answeredAt)),
    db
      .selectDistinctOn([calls.queueId], { queueId: calls.queueId, userId: callOffers.userId })
      .from(callOffers)
      .innerJoin(calls, eq(calls.id, callOffers.callId))
      .where(and(eq(callOffers.tenantId, tenantId), inArray(calls.queueId, queueIds)))
      .orderBy(calls.queueId, desc(callOffers.offeredAt)),
  ]);
  const stickyBy = new Map(sticky.map((s) => [s.fromNumber, s.agentId]));
  const rrBy = new Map(lastOffered.map((l) => [l.queueId, l.userId]));
  const snapshotQueues = new Map<string, QueueSnapshot & { ringTimeoutSec: number; name: string }>([
    [DIRECT, { id: DIRECT, name: "Direct", strategy: "longest-idle", priority: 0, ringTimeoutSec: DIRECT_RING_SEC, members: new Set(), requiredSkills: [], roundRobinAfter: null }],
    ...queueRows.map((q): [string, QueueSnapshot & { ringTimeoutSec: number; name: string }] => [
      q.id,
      {
        id: q.id,
        name: q.name,
        strategy: q.strategy,
        priority: q.priority,
        ringTimeoutSec: q.ringTimeoutSec,
        members: new Set(members.filter((m) => m.queueId === q.id).map((m) => m.userId)),
        requiredSkills: required.filter((r) => r.queueId === q.id).map((r) => ({ skillId: r.skillId, minLevel: r.minLevel })),
        roundRobinAfter: rrBy.get(q.id) ?? null,
      },
    ]),
  ]);
  return {
    queues: snapshotQueues,
    calls: waiting.map((c) => ({
      callId: c.id,
      // A direct call (for one person) routes through the synthetic Direct queue.
      queueId: c.targetUserId ? DIRECT : (c.queueId as string),
      targetAgentId: c.targetUserId,
      enqueuedAt: c.queuedAt?.getTime() ?? 0,
      priority: c.priority,
      preferredAgentId: stickyBy.get(c.fromNumber) ?? null,
      excludedAgentIds: new Set(tried.filter((t) => t.callId === c.id).map((t) => t.userId)),
    })),
    agents: available.map((a) => ({
      userId: a.userId,
      state: "available",
      idleSince: a.idleSince.getTime(),
      skills: new Map(skills.filter((s) => s.userId === a.userId).map((s) => [s.skillId, s.level])),
    })),
  };
}

/**
 * Claims one planned offer: the offer row, the call queued -> offering, the agent available ->
 * ringing, all or nothing. Returns null when another process got there first.
 */
export async function claimOffer(deps: Deps, tenantId: string, a: Assignment, queue: { name: string; ringTimeoutSec: number }): Promise<CallOffer | null> {
  const ctx = systemCtx(deps, tenantId);
  try {
    return await inTransaction(ctx, async (ctx) => {
      const now = deps.now();
      const [call] = await ctx.tx
        .update(calls)
        .set({ state: "offering" })
        .where(and(eq(calls.tenantId, tenantId), eq(calls.id, a.callId), eq(calls.state, "queued")))
        .returning();
      if (!call) throw new Lost();
      const moved = await moveAgent(ctx, a.userId, "ringing", { callId: a.callId, from: ["available"] });
      if (!moved) throw new Lost();
      const [offer] = await ctx.tx
        .insert(callOffers)
        .values({ tenantId, callId: a.callId, userId: a.userId, offeredAt: now, expiresAt: new Date(now.getTime() + queue.ringTimeoutSec * 1000) })
        .returning();
      if (!offer) throw new Lost();
      await addCallEvent(ctx, a.callId, { type: "offered", data: { userId: a.userId, offerId: offer.id, reason: a.reason } });
      const out: CallOffer = {
        offerId: offer.id,
        callId: call.id,
        expiresAt: offer.expiresAt.toISOString(),
        fromNumber: call.fromNumber,
        toNumber: call.toNumber,
        queueId: call.queueId,
        queueName: queue.name,
        enqueuedAt: call.queuedAt?.toISOString() ?? null,
      };
      afterCommit(ctx, () => {
        deps.notify(tenantId, { type: "call:updated", ...toLiveCall(call) });
        deps.notifyUser(a.userId, { type: "call:offered", ...out });
      });
      return out;
    });
  } catch (e) {
    if (e instanceof Lost || isUniqueViolation(e)) return null;
    throw e;
  }
}

class Lost extends Error {
  constructor() {
    super("offer lost to another process");
  }
}

/** Tenants that have calls waiting (the sweeper's safety net for missed kicks). */
export async function tenantsWithWaitingCalls(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: calls.tenantId }).from(calls).where(eq(calls.state, "queued"));
  return rows.map((r) => r.tenantId);
}

/** Pending offers past their ring timeout, on any node. */
export async function overdueOffers(db: Db, now: Date) {
  return db
    .select({ id: callOffers.id, tenantId: callOffers.tenantId })
    .from(callOffers)
    .where(and(eq(callOffers.result, "pending"), lte(callOffers.expiresAt, now)));
}

/** Agents whose after-call work or short break has run out. */
export async function agentsDue(db: Db, now: Date) {
  return db
    .select({ userId: agentStates.userId, tenantId: agentStates.tenantId, state: agentStates.state })
    .from(agentStates)
    .where(and(inArray(agentStates.state, ["after_call_work", "break"]), isNotNull(agentStates.until), lte(agentStates.until, now)));
}
