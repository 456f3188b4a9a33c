import { and, asc, count, eq, inArray } from "drizzle-orm";
import { queueMembers, queueSkills, queues, skills } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import { assertSkillsInTenant } from "../skills/internal";
import type { QueueCreate, QueueOut } from "./schemas";

type QueueRow = typeof queues.$inferSelect;

export async function getQueueInTenant(ctx: Ctx, unverifiedId: string): Promise<QueueRow> {
  const [row] = await exec(ctx)
    .select()
    .from(queues)
    .where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.id, unverifiedId)));
  if (!row) throw notFound("Queue");
  return row;
}

export const queueNameTaken = (name: string) => new AppError("conflict", `A queue named "${name}" already exists`);

export const referenceGone = () =>
  new AppError("validation_failed", "A skill or overflow queue of this request was deleted meanwhile; try again");

/** Checks references that came from the client: overflow target and skills are this tenant's. */
export async function checkQueueRefs(
  ctx: Ctx,
  selfId: string | null,
  input: { overflow?: QueueCreate["overflow"]; skills?: QueueCreate["skills"] },
): Promise<void> {
  if (input.overflow) {
    if (input.overflow.queueId === selfId) {
      throw new AppError("validation_failed", "overflow.queueId: a queue cannot overflow into itself", { field: "overflow.queueId" });
    }
    // Follow the chain from the target: it must exist and must not lead back here (A -> B -> A).
    let next: string | null = input.overflow.queueId;
    for (let hops = 0; next !== null && hops < 100; hops++) {
      const [row]: Array<{ id: string; overflowQueueId: string | null }> = await exec(ctx)
        .select({ id: queues.id, overflowQueueId: queues.overflowQueueId })
        .from(queues)
        .where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.id, next)));
      if (!row && hops === 0) throw new AppError("validation_failed", "overflow.queueId: no such queue", { field: "overflow.queueId" });
      if (row?.overflowQueueId != null && row.overflowQueueId === selfId) {
        throw new AppError("validation_failed", "overflow.queueId: this would make calls overflow in a loop", { field: "overflow.queueId" });
      }
      next = row?.overflowQueueId ?? null;
    }
  }
  if (input.skills) {
    const ids = input.skills.map((s) => s.skillId);
    if (new Set(ids).size !== ids.length) throw new AppError("validation_failed", "skills: a skill is listed twice", { field: "skills" });
    await assertSkillsInTenant(ctx, ids);
  }
}

/** Announcements that are switched on must say something: the position, the wait, or both. */
export function checkAnnouncements(q: { announceEverySec: number | null; announcePosition: boolean; announceWaitTime: boolean }): void {
  if (q.announceEverySec !== null && !q.announcePosition && !q.announceWaitTime) {
    throw new AppError(
      "validation_failed",
      "announceEverySec: announcements need announcePosition or announceWaitTime; set announceEverySec to null to turn them off",
      { field: "announceEverySec" },
    );
  }
}

export async function replaceQueueSkills(ctx: Ctx, queueId: string, list: QueueCreate["skills"]): Promise<void> {
  await exec(ctx).delete(queueSkills).where(and(eq(queueSkills.tenantId, ctx.tenantId), eq(queueSkills.queueId, queueId)));
  if (list.length === 0) return;
  await exec(ctx)
    .insert(queueSkills)
    .values(list.map((s) => ({ tenantId: ctx.tenantId, queueId, skillId: s.skillId, minLevel: s.minLevel })));
}

/** Queue rows with their skills and member counts, in the API's shape. */
export async function toQueuesOut(ctx: Ctx, rows: QueueRow[]): Promise<QueueOut[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const db = exec(ctx);
  const skillRows = await db
    .select({ queueId: queueSkills.queueId, skillId: queueSkills.skillId, minLevel: queueSkills.minLevel, name: skills.name })
    .from(queueSkills)
    .innerJoin(skills, and(eq(skills.id, queueSkills.skillId), eq(skills.tenantId, queueSkills.tenantId)))
    .where(and(eq(queueSkills.tenantId, ctx.tenantId), inArray(queueSkills.queueId, ids)))
    .orderBy(asc(skills.name));
  const counts = await db
    .select({ queueId: queueMembers.queueId, n: count() })
    .from(queueMembers)
    .where(and(eq(queueMembers.tenantId, ctx.tenantId), inArray(queueMembers.queueId, ids)))
    .groupBy(queueMembers.queueId);
  const agentCount = new Map(counts.map((c) => [c.queueId, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    strategy: r.strategy,
    ringTimeoutSec: r.ringTimeoutSec,
    maxWaitSec: r.maxWaitSec,
    maxWaitAction: r.maxWaitAction,
    overflow: r.overflowQueueId !== null && r.overflowAfterSec !== null ? { queueId: r.overflowQueueId, afterSec: r.overflowAfterSec } : null,
    serviceLevelSec: r.serviceLevelSec,
    priority: r.priority,
    skills: skillRows.filter((s) => s.queueId === r.id).map((s) => ({ skillId: s.skillId, name: s.name, minLevel: s.minLevel })),
    agentCount: agentCount.get(r.id) ?? 0,
    announceEverySec: r.announceEverySec,
    announcePosition: r.announcePosition,
    announceWaitTime: r.announceWaitTime,
    alertMaxWaiting: r.alertMaxWaiting,
    alertLongestWaitSec: r.alertLongestWaitSec,
    alertServiceLevelPct: r.alertServiceLevelPct,
    alertAbandonRatePct: r.alertAbandonRatePct,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function toQueueOut(ctx: Ctx, row: QueueRow): Promise<QueueOut> {
  const [out] = await toQueuesOut(ctx, [row]);
  if (!out) throw new Error("queue output missing");
  return out;
}
