/**
 * Persistence edge of the queue announcements: one tenant's waiting calls with their place in
 * line, and (for the calls the caller asks about) the queue's recent handle time and logged-in
 * agents, in two round trips. The arithmetic is in wait-estimate.ts.
 */
import { and, avg, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentStates, calls, queueMembers, queueSkills, queues, userSkills, users } from "@/db/schema";
import type { AgentSnapshot, QueueSnapshot } from "./types";
import { averageHandleSec, estimatedWaitSec, loggedInAgents, queuePositions } from "./wait-estimate";

/** Handle times of the calls answered in this window count for the estimate. */
const AHT_WINDOW_MS = 3_600_000;
const LOGGED_IN = ["available", "ringing", "in_call", "after_call_work"] as const;

export interface WaitingPlace {
  callId: string;
  queueId: string;
  position: number;
  /** Epoch ms the call entered its current queue (overflow and transfers restart it). */
  enteredAt: number;
  lastAnnouncedAt: number | null;
  queue: { everySec: number | null; position: boolean; waitTime: boolean };
}

export interface WaitingAnnouncement extends WaitingPlace {
  averageHandleSec: number;
  agents: number;
  estimatedWaitSec: number;
}

const epochMs = (expr: ReturnType<typeof sql>) => sql`(extract(epoch from ${expr}) * 1000)::float8`.mapWith(Number);

/**
 * The tenant's calls waiting in a queue that makes announcements, each with its place in line
 * (counted among all the queue's waiting calls, on any node) and its estimate. `only` picks the
 * calls to estimate; the handle times and agents are read only when it picks any.
 */
export async function loadWaitingAnnouncements(
  db: Db,
  tenantId: string,
  now: Date,
  opts: { only?: (place: WaitingPlace) => boolean } = {},
): Promise<WaitingAnnouncement[]> {
  const rows = await db
    .select({
      callId: calls.id,
      queueId: queues.id,
      priority: calls.priority,
      queuedAt: epochMs(sql`${calls.queuedAt}`),
      enteredAt: epochMs(
        sql`coalesce((select max(e.at) from call_events e where e.call_id = ${calls.id} and e.tenant_id = ${calls.tenantId} and e.type in ('queued', 'overflow')), ${calls.queuedAt})`,
      ),
      lastAnnouncedAt: epochMs(
        sql`(select max(e.at) from call_events e where e.call_id = ${calls.id} and e.tenant_id = ${calls.tenantId} and e.type = 'announcement')`,
      ),
      everySec: queues.announceEverySec,
      announcePosition: queues.announcePosition,
      announceWaitTime: queues.announceWaitTime,
    })
    .from(calls)
    .innerJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
    // Calls for one person keep their last queue id but wait for that person, not in line.
    .where(and(eq(calls.tenantId, tenantId), eq(calls.state, "queued"), isNull(calls.targetUserId), isNotNull(queues.announceEverySec)));
  const positions = queuePositions(rows.map((r) => ({ callId: r.callId, queueId: r.queueId, priority: r.priority, enqueuedAt: r.queuedAt ?? 0 })));
  const places: WaitingPlace[] = rows.map((r) => ({
    callId: r.callId,
    queueId: r.queueId,
    position: positions.get(r.callId) ?? 1,
    enteredAt: r.enteredAt ?? 0,
    lastAnnouncedAt: r.lastAnnouncedAt,
    queue: { everySec: r.everySec, position: r.announcePosition, waitTime: r.announceWaitTime },
  }));
  const picked = opts.only ? places.filter(opts.only) : places;
  if (picked.length === 0) return [];

  const queueIds = [...new Set(picked.map((p) => p.queueId))];
  const since = new Date(now.getTime() - AHT_WINDOW_MS);
  const loggedIn = and(eq(agentStates.tenantId, tenantId), inArray(agentStates.state, [...LOGGED_IN]));
  const [handle, members, required, agents, skills] = await Promise.all([
    db
      .select({
        queueId: calls.queueId,
        seconds: avg(sql`extract(epoch from coalesce(${calls.wrappedUpAt}, ${calls.endedAt}) - ${calls.answeredAt})`).mapWith(Number),
      })
      .from(calls)
      .where(and(eq(calls.tenantId, tenantId), inArray(calls.queueId, queueIds), gte(calls.answeredAt, since), isNotNull(calls.endedAt)))
      .groupBy(calls.queueId),
    db.select().from(queueMembers).where(and(eq(queueMembers.tenantId, tenantId), inArray(queueMembers.queueId, queueIds))),
    db.select().from(queueSkills).where(and(eq(queueSkills.tenantId, tenantId), inArray(queueSkills.queueId, queueIds))),
    db
      .select({ userId: agentStates.userId, state: agentStates.state })
      .from(agentStates)
      .innerJoin(users, and(eq(users.id, agentStates.userId), eq(users.tenantId, agentStates.tenantId), eq(users.status, "active")))
      .where(loggedIn),
    db
      .select({ userId: userSkills.userId, skillId: userSkills.skillId, level: userSkills.level })
      .from(userSkills)
      .innerJoin(agentStates, eq(agentStates.userId, userSkills.userId))
      .where(and(eq(userSkills.tenantId, tenantId), loggedIn)),
  ]);
  const snapshots: AgentSnapshot[] = agents.map((a) => ({
    userId: a.userId,
    state: a.state,
    idleSince: 0,
    skills: new Map(skills.filter((s) => s.userId === a.userId).map((s) => [s.skillId, s.level])),
  }));
  const perQueue = new Map(
    queueIds.map((id) => {
      const queue: QueueSnapshot = {
        id,
        strategy: "longest-idle",
        priority: 0,
        members: new Set(members.filter((m) => m.queueId === id).map((m) => m.userId)),
        requiredSkills: required.filter((r) => r.queueId === id).map((r) => ({ skillId: r.skillId, minLevel: r.minLevel })),
        roundRobinAfter: null,
      };
      const seconds = handle.find((h) => h.queueId === id)?.seconds;
      return [id, { aht: seconds === undefined ? averageHandleSec([]) : seconds, agents: loggedInAgents(queue, snapshots) }];
    }),
  );
  return picked.map((p) => {
    const q = perQueue.get(p.queueId) ?? { aht: averageHandleSec([]), agents: 0 };
    return { ...p, averageHandleSec: q.aht, agents: q.agents, estimatedWaitSec: estimatedWaitSec({ position: p.position, averageHandleSec: q.aht, agents: q.agents }) };
  });
}
