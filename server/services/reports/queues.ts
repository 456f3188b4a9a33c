import { and, asc, eq, sql } from "drizzle-orm";
import { calls, queues } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { notFound } from "../../errors";
import { type QueueSums, queueFigures, queueMeasures, tabulate } from "./measures";
import { bucketsOf, periodSql } from "./period";
import type { QueueReport, ReportQuery } from "./schemas";

type Sums = QueueSums & { offered: number; longestWaitSec: number | null };

const add = (a: Sums, b: Sums): Sums => ({
  offered: a.offered + b.offered,
  answered: a.answered + b.answered,
  answeredWithin: a.answeredWithin + b.answeredWithin,
  abandoned: a.abandoned + b.abandoned,
  answerWaitSec: a.answerWaitSec + b.answerWaitSec,
  handledEnded: a.handledEnded + b.handledEnded,
  handleSec: a.handleSec + b.handleSec,
  longestWaitSec: a.longestWaitSec === null ? b.longestWaitSec : b.longestWaitSec === null ? a.longestWaitSec : Math.max(a.longestWaitSec, b.longestWaitSec),
});
const NONE: Sums = { offered: 0, answered: 0, answeredWithin: 0, abandoned: 0, answerWaitSec: 0, handledEnded: 0, handleSec: 0, longestWaitSec: null };
const figures = (s: Sums) => ({ offered: s.offered, ...queueFigures(s), longestWaitSec: s.longestWaitSec === null ? null : Math.round(s.longestWaitSec) });

/**
 * Per queue and interval: calls offered to the queue (by the time they entered it), answered,
 * within the service-level threshold, abandoned, ASA, AHT and the longest wait; then per queue
 * over the whole period, and in all. Every queue of the tenant is listed, calls or not.
 */
export async function queueReport({ ctx, input }: { ctx: Ctx; input: ReportQuery }): Promise<QueueReport> {
  const db = exec(ctx);
  const now = ctx.deps.now();
  const period = periodSql(input, calls.queuedAt);
  const queueRows = await db
    .select({ id: queues.id, name: queues.name, serviceLevelSec: queues.serviceLevelSec })
    .from(queues)
    .where(and(eq(queues.tenantId, ctx.tenantId), input.queueId ? eq(queues.id, input.queueId) : undefined))
    .orderBy(asc(queues.name), asc(queues.id));
  if (input.queueId && queueRows.length === 0) throw notFound("Queue");
  const rows = await db
    .select({
      bucket: period.bucket,
      queueId: calls.queueId,
      offered: sql<number>`count(*)`.mapWith(Number),
      ...queueMeasures(),
      longestWaitSec: sql<number | null>`max(extract(epoch from coalesce(${calls.answeredAt}, ${calls.endedAt}, ${now.toISOString()}::timestamptz) - ${calls.queuedAt}))`.mapWith(Number),
    })
    .from(calls)
    .innerJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
    .where(and(eq(calls.tenantId, ctx.tenantId), input.queueId ? eq(calls.queueId, input.queueId) : undefined, period.within))
    .groupBy(sql`1`, calls.queueId);

  const buckets = bucketsOf(input);
  const t = tabulate({ buckets, keys: queueRows, idOf: (q) => q.id, sums: new Map(rows.map((r) => [`${r.bucket}|${r.queueId}`, r as Sums])), zero: NONE, add, figures });
  const keyOf = (q: (typeof queueRows)[number]) => ({ queueId: q.id, queueName: q.name, serviceLevelSec: q.serviceLevelSec });
  return {
    ...{ from: input.from, to: input.to, interval: input.interval, timeZone: input.timeZone, buckets, generatedAt: now.toISOString() },
    rows: t.rows.map((r) => ({ bucket: r.bucket, ...keyOf(r.key), ...r.figures })),
    queues: t.perKey.map((r) => ({ ...keyOf(r.key), ...r.figures })),
    total: t.total,
  };
}
