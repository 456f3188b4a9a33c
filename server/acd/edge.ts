/**
 * The routing engine's persistence edge: reads a tenant's waiting calls, queues and free agents
 * into the pure snapshots, and claims each planned offer in one transaction. The partial unique
 * indexes on call_offers (one pending offer per call, one per agent) and the conditional state
 * updates make the database the arbiter when several server processes plan at once.
 */
import { and, desc, eq, inArray, isNotNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentStates, callOffers, calls, queueMembers, queueSkills, queues, userSkills, users } from "@/db/schema";
import { type CallOffer, type Deps, afterCommit, inTransaction, systemCtx } from "../context";
import { isUniqueViolation } from "../errors";
import { moveAgent } from "../services/agents/internal";
import { eventFor, toLiveCall } from "../services/calls/internal";
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
  const empty: Snapshot = { calls: [], queues: new Map(), agents: [] };
  // Most kicks (an agent free again, an offer over) find no call waiting: the agents are read
  // only when there is one.
  const waiting = await db
    .select({ id: calls.id, queueId: calls.queueId, targetUserId: calls.targetUserId, queuedAt: calls.queuedAt, priority: calls.priority, fromNumber: calls.fromNumber })
    .from(calls)
    .where(and(eq(calls.tenantId, tenantId), eq(calls.state, "queued"), or(isNotNull(calls.queueId), isNotNull(calls.targetUserId))));
  if (waiting.length === 0) return empty;
  const queueIds = [...new Set(waiting.flatMap((c) => (c.queueId ? [c.queueId] : [])))];
  const callIds = waiting.map((c) => c.id);
  const [queueRows, required, tried, sticky] = await Promise.all([
    queueIds.length ? db.select().from(queues).where(and(eq(queues.tenantId, tenantId), inArray(queues.id, queueIds))) : [],
    queueIds.length ? db.select().from(queueSkills).where(and(eq(queueSkills.tenantId, tenantId), inArray(queueSkills.queueId, queueIds))) : [],
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
  ]);
  const stickyBy = new Map(sticky.map((s) => [s.fromNumber, s.agentId]));

  // Which agents to read. A longest-idle queue that requires no skills offers its calls to its
  // longest-idle available members: no call takes more than its queue's first (waiting calls +
  // declined-or-missed offers + 1) of them, however many agents the tenant has, so only those
  // are read, with the callers' preferred agents and direct calls' targets beside them. Other
  // queues (round robin, skills) read every available agent and every member.
  const skilled = new Set(required.map((r) => r.queueId));
  const limited = queueRows.filter((q) => q.strategy === "longest-idle" && !skilled.has(q.id)).map((q) => q.id);
  const full = queueRows.filter((q) => !limited.includes(q.id)).map((q) => q.id);
  const take = waiting.length + tried.length + 1;
  const named = [...new Set(waiting.flatMap((c) => [c.targetUserId, stickyBy.get(c.fromNumber)]).filter((u): u is string => !!u))];
  const free = and(eq(agentStates.tenantId, tenantId), eq(agentStates.state, "available"));
  const agentCols = { userId: agentStates.userId, idleSince: agentStates.idleSince };
  const active = and(eq(users.id, agentStates.userId), eq(users.status, "active"));
  const [everyone, firsts, namedAgents, fullMembers, namedMembers] = await Promise.all([
    full.length ? db.select(agentCols).from(agentStates).innerJoin(users, active).where(free) : [],
    Promise.all(
      limited.map((queueId) =>
        db
          .select(agentCols)
          .from(agentStates)
          .innerJoin(users, active)
          .innerJoin(queueMembers, and(eq(queueMembers.userId, agentStates.userId), eq(queueMembers.queueId, queueId)))
          .where(free)
          .orderBy(agentStates.idleSince, agentStates.userId)
          .limit(take),
      ),
    ),
    named.length ? db.select(agentCols).from(agentStates).innerJoin(users, active).where(and(free, inArray(agentStates.userId, named))) : [],
    full.length ? db.select({ queueId: queueMembers.queueId, userId: queueMembers.userId }).from(queueMembers).where(and(eq(queueMembers.tenantId, tenantId), inArray(queueMembers.queueId, full))) : [],
    named.length && limited.length
      ? db
          .select({ queueId: queueMembers.queueId, userId: queueMembers.userId })
          .from(queueMembers)
          .where(and(eq(queueMembers.tenantId, tenantId), inArray(queueMembers.queueId, limited), inArray(queueMembers.userId, named)))
      : [],
  ]);
  const available = new Map([...everyone, ...firsts.flat(), ...namedAgents].map((a) => [a.userId, a]));
  if (available.size === 0) return empty;
  const members = [...fullMembers, ...namedMembers, ...limited.flatMap((queueId, i) => (firsts[i] ?? []).map((a) => ({ queueId, userId: a.userId })))];

  // Skill levels matter only for the skills the waiting calls' queues require; the last agent
  // offered a call only for round-robin queues (that query reads the queue's offer history).
  const skillIds = [...new Set(required.map((r) => r.skillId))];
  const roundRobin = queueRows.filter((q) => q.strategy === "round-robin").map((q) => q.id);
  const [skills, lastOffered] = await Promise.all([
    skillIds.length
      ? db
          .select({ userId: userSkills.userId, skillId: userSkills.skillId, level: userSkills.level })
          .from(userSkills)
          .where(and(eq(userSkills.tenantId, tenantId), inArray(userSkills.skillId, skillIds)))
      : [],
    roundRobin.length
      ? db
          .selectDistinctOn([calls.queueId], { queueId: calls.queueId, userId: callOffers.userId })
          .from(callOffers)
          .innerJoin(calls, eq(calls.id, callOffers.callId))
          .where(and(eq(callOffers.tenantId, tenantId), inArray(calls.queueId, roundRobin)))
          .orderBy(calls.queueId, desc(callOffers.offeredAt))
      : [],
  ]);
  const triedBy = groupBy(tried, (t) => t.callId, (t) => t.userId);
  const membersBy = groupBy(members, (m) => m.queueId, (m) => m.userId);
  const skillsBy = new Map<string, Map<string, number>>();
  for (const k of skills) {
    const m = skillsBy.get(k.userId) ?? new Map<string, number>();
    m.set(k.skillId, k.level);
    skillsBy.set(k.userId, m);
  }
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
        members: new Set(membersBy.get(q.id)),
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
      excludedAgentIds: new Set(triedBy.get(c.id)),
    })),
    agents: [...available.values()].map((a) => ({
      userId: a.userId,
      state: "available",
      idleSince: a.idleSince.getTime(),
      skills: skillsBy.get(a.userId) ?? new Map<string, number>(),
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
      // The offer row and the call's "offered" event (which names the new offer's id): one statement.
      const inserted = ctx.tx.$with("inserted").as(
        ctx.tx
          .insert(callOffers)
          .values({ tenantId, callId: a.callId, userId: a.userId, offeredAt: now, expiresAt: new Date(now.getTime() + queue.ringTimeoutSec * 1000) })
          .returning(),
      );
      const logged = eventFor(ctx.tx, inserted, { tenantId: inserted.tenantId, callId: inserted.callId }, now, {
        type: "offered",
        data: sql`jsonb_build_object('userId', ${inserted.userId}, 'offerId', ${inserted.id}, 'reason', ${a.reason}::text)`,
      });
      const [offer] = await ctx.tx.with(inserted, logged).select().from(inserted);
      if (!offer) throw new Lost();
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

function groupBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
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
