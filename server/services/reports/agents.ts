import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { callOffers, calls, queues, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { notFound } from "../../errors";
import { handleSecSum, ratio, round1, seconds, tabulate } from "./measures";
import { bucketsOf, periodSql } from "./period";
import type { AgentFiguresOut, AgentReport, ReportQuery } from "./schemas";

interface Sums {
  handled: number;
  outbound: number;
  talkSec: number;
  holdSec: number;
  wrapUpSec: number;
  handledEnded: number;
  handleSec: number;
  offers: number;
  missed: number;
  declined: number;
}
const NONE: Sums = { handled: 0, outbound: 0, talkSec: 0, holdSec: 0, wrapUpSec: 0, handledEnded: 0, handleSec: 0, offers: 0, missed: 0, declined: 0 };
const add = (a: Sums, b: Partial<Sums>): Sums => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + (b[k as keyof Sums] ?? 0)])) as unknown as Sums;
const figures = (s: Sums): AgentFiguresOut => ({
  handled: s.handled,
  outbound: s.outbound,
  talkSec: Math.round(s.talkSec),
  holdSec: Math.round(s.holdSec),
  wrapUpSec: Math.round(s.wrapUpSec),
  ahtSec: round1(ratio(s.handleSec, s.handledEnded)),
  offers: s.offers,
  missed: s.missed,
  declined: s.declined,
});

/**
 * Per agent and interval: calls handled (by the time they were answered; a transferred call is
 * the last agent's), talk, hold and wrap-up time, AHT, and the offers they got (by the time
 * offered), missed and declined; then per agent over the period, and in all. Every user who
 * handled a call or got an offer in the period is listed; `queueId` keeps that queue's calls only.
 */
export async function agentReport({ ctx, input }: { ctx: Ctx; input: ReportQuery }): Promise<AgentReport> {
  const db = exec(ctx);
  const now = ctx.deps.now();
  const answered = periodSql(input, calls.answeredAt);
  const offered = periodSql(input, callOffers.offeredAt);
  const ended = isNotNull(calls.endedAt);
  if (input.queueId) {
    const [q] = await db.select({ id: queues.id }).from(queues).where(and(eq(queues.tenantId, ctx.tenantId), eq(queues.id, input.queueId)));
    if (!q) throw notFound("Queue");
  }
  const ofQueue = input.queueId ? eq(calls.queueId, input.queueId) : undefined;
  const [callRows, offerRows] = await Promise.all([
    db
      .select({
        bucket: answered.bucket,
        userId: calls.agentId,
        handled: sql<number>`count(*)`.mapWith(Number),
        outbound: sql<number>`count(*) filter (where ${calls.direction} = 'outbound')`.mapWith(Number),
        talkSec: sql<number>`coalesce(sum(greatest(0, ${seconds(calls.answeredAt, calls.endedAt)} - ${calls.holdSeconds})) filter (where ${ended}), 0)`.mapWith(Number),
        holdSec: sql<number>`coalesce(sum(${calls.holdSeconds}), 0)`.mapWith(Number),
        wrapUpSec: sql<number>`coalesce(sum(${seconds(calls.endedAt, calls.wrappedUpAt)}) filter (where ${isNotNull(calls.wrappedUpAt)}), 0)`.mapWith(Number),
        handledEnded: sql<number>`count(*) filter (where ${ended})`.mapWith(Number),
        handleSec: handleSecSum(),
      })
      .from(calls)
      .where(and(eq(calls.tenantId, ctx.tenantId), isNotNull(calls.agentId), ofQueue, answered.within))
      .groupBy(sql`1`, calls.agentId),
    db
      .select({
        bucket: offered.bucket,
        userId: callOffers.userId,
        offers: sql<number>`count(*)`.mapWith(Number),
        missed: sql<number>`count(*) filter (where ${callOffers.result} = 'missed')`.mapWith(Number),
        declined: sql<number>`count(*) filter (where ${callOffers.result} = 'declined')`.mapWith(Number),
      })
      .from(callOffers)
      .innerJoin(calls, and(eq(calls.id, callOffers.callId), eq(calls.tenantId, callOffers.tenantId)))
      .where(and(eq(callOffers.tenantId, ctx.tenantId), ofQueue, offered.within))
      .groupBy(sql`1`, callOffers.userId),
  ]);
  const byKey = new Map<string, Sums>();
  for (const r of [...callRows, ...offerRows]) {
    const key = `${r.bucket}|${r.userId}`;
    byKey.set(key, add(byKey.get(key) ?? NONE, r as Partial<Sums>));
  }
  const ids = [...new Set([...callRows, ...offerRows].map((r) => r.userId as string))];
  const people = ids.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, ids)))
        .orderBy(asc(users.name), asc(users.id))
    : [];
  const buckets = bucketsOf(input);
  const t = tabulate({ buckets, keys: people, idOf: (p) => p.id, sums: byKey, zero: NONE, add, figures });
  return {
    ...{ from: input.from, to: input.to, interval: input.interval, timeZone: input.timeZone, buckets, generatedAt: now.toISOString() },
    rows: t.rows.map((r) => ({ bucket: r.bucket, userId: r.key.id, name: r.key.name, ...r.figures })),
    agents: t.perKey.map((r) => ({ userId: r.key.id, name: r.key.name, ...r.figures })),
    total: t.total,
  };
}
