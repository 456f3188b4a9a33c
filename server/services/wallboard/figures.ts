import { and, asc, eq, gte, inArray, isNotNull, or, sql } from "drizzle-orm";
import { type QueueSums, queueFigures, queueMeasures, ratio } from "../reports/measures";
import { agentStates, calls, queueMembers, queues, users } from "@/db/schema";
import { type AgentStateName, type Ctx, exec } from "../../context";
import { type QueueAlert, evaluateAlerts } from "./alerts";

/** The figures cover the calls that entered a queue in the last 24 hours (and every call waiting now). */
export const WINDOW_HOURS = 24;

const WAITING = ["queued", "offering"] as const;
const BUSY: readonly AgentStateName[] = ["ringing", "in_call", "after_call_work"];
const STATES: readonly AgentStateName[] = ["available", "ringing", "in_call", "after_call_work", "break", "offline"];

const NO_CALLS: QueueSums = { answered: 0, answeredWithin: 0, abandoned: 0, answerWaitSec: 0, handledEnded: 0, handleSec: 0 };

export type AgentsByState = Record<AgentStateName, number>;

export interface QueueFigures {
  id: string;
  name: string;
  serviceLevelSec: number;
  waiting: number;
  /** When the caller waiting longest entered the queue; the browser counts the wait up from it. */
  oldestWaitingSince: string | null;
  answered: number;
  answeredWithinThreshold: number;
  /** answered within the threshold ÷ answered (0..1), null before the first answer. */
  serviceLevel: number | null;
  /** Average speed of answer: queue entry to answer. */
  asaSec: number | null;
  /** Average handle time: answer to the end of wrap-up (talk, hold and after-call work). */
  ahtSec: number | null;
  abandoned: number;
  /** abandoned ÷ (answered + abandoned). */
  abandonRate: number | null;
  agents: AgentsByState;
  /** Members ringing, talking or wrapping up ÷ those and the available ones. */
  occupancy: number | null;
  /** The queue's alert thresholds breached now (none set or none breached: empty). */
  alerts: QueueAlert[];
  /** When the longest-wait alert starts if nobody is answered or leaves first: look again then. */
  nextAlertAt: string | null;
}


/** Live figures per queue of the tenant, for the wallboard. */
export async function figures({ ctx }: { ctx: Ctx }): Promise<{ generatedAt: string; windowHours: number; queues: QueueFigures[] }> {
  const now = ctx.deps.now();
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000);
  const db = exec(ctx);
  const waiting = inArray(calls.state, [...WAITING]);
  const [queueRows, callRows, memberRows] = await Promise.all([
    db
      .select({
        id: queues.id,
        name: queues.name,
        serviceLevelSec: queues.serviceLevelSec,
        alertMaxWaiting: queues.alertMaxWaiting,
        alertLongestWaitSec: queues.alertLongestWaitSec,
        alertServiceLevelPct: queues.alertServiceLevelPct,
        alertAbandonRatePct: queues.alertAbandonRatePct,
      })
      .from(queues)
      .where(eq(queues.tenantId, ctx.tenantId))
      .orderBy(asc(queues.name), asc(queues.id)),
    db
      .select({
        queueId: calls.queueId,
        waiting: sql<number>`count(*) filter (where ${waiting})`.mapWith(Number),
        oldestWaitingSince: sql<Date | null>`min(${calls.queuedAt}) filter (where ${waiting})`.mapWith(calls.queuedAt),
        ...queueMeasures(),
      })
      .from(calls)
      .innerJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
      .where(and(eq(calls.tenantId, ctx.tenantId), isNotNull(calls.queueId), or(waiting, gte(calls.queuedAt, since))))
      .groupBy(calls.queueId),
    db
      .select({ queueId: queueMembers.queueId, state: agentStates.state, n: sql<number>`count(*)`.mapWith(Number) })
      .from(queueMembers)
      .innerJoin(users, and(eq(users.id, queueMembers.userId), eq(users.tenantId, queueMembers.tenantId), eq(users.status, "active")))
      .leftJoin(agentStates, and(eq(agentStates.userId, queueMembers.userId), eq(agentStates.tenantId, queueMembers.tenantId)))
      .where(eq(queueMembers.tenantId, ctx.tenantId))
      .groupBy(queueMembers.queueId, agentStates.state),
  ]);
  const byQueue = new Map(callRows.map((r) => [r.queueId, r]));
  return {
    generatedAt: now.toISOString(),
    windowHours: WINDOW_HOURS,
    queues: queueRows.map((q) => {
      const c = byQueue.get(q.id);
      const agents = Object.fromEntries(STATES.map((s) => [s, 0])) as AgentsByState;
      for (const m of memberRows) if (m.queueId === q.id) agents[m.state ?? "offline"] += m.n;
      const busy = BUSY.reduce((n, s) => n + agents[s], 0);
      const measures = queueFigures(c ?? NO_CALLS);
      const waitingNow = { waiting: c?.waiting ?? 0, oldestWaitingSince: c?.oldestWaitingSince ?? null };
      const { alerts, nextAlertAt } = evaluateAlerts(q, { ...waitingNow, ...measures }, now);
      return {
        id: q.id,
        name: q.name,
        serviceLevelSec: q.serviceLevelSec,
        waiting: waitingNow.waiting,
        oldestWaitingSince: waitingNow.oldestWaitingSince?.toISOString() ?? null,
        ...measures,
        agents,
        occupancy: ratio(busy, busy + agents.available),
        alerts,
        nextAlertAt: nextAlertAt?.toISOString() ?? null,
      };
    }),
  };
}
