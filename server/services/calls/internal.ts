import { SQL, type SQLWrapper, type Subquery, and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { callEvents, calls } from "@/db/schema";
import { type Ctx, type LiveCall, afterCommit, exec } from "../../context";
import { notFound } from "../../errors";

export type CallRow = typeof calls.$inferSelect;

export async function getCallInTenant(ctx: Ctx, unverifiedId: string, opts: { forUpdate?: boolean } = {}): Promise<CallRow> {
  const q = exec(ctx)
    .select()
    .from(calls)
    .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, unverifiedId)));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound("Call");
  return row;
}

export const toLiveCall = (c: CallRow): LiveCall => ({
  id: c.id,
  state: c.state,
  direction: c.direction,
  fromNumber: c.fromNumber,
  toNumber: c.toNumber,
  queueId: c.queueId,
  agentId: c.agentId,
  held: c.heldSince !== null,
  startedAt: c.startedAt.toISOString(),
  queuedAt: c.queuedAt?.toISOString() ?? null,
  answeredAt: c.answeredAt?.toISOString() ?? null,
  endedAt: c.endedAt?.toISOString() ?? null,
  endReason: c.endReason,
});

type CallEvent = { type: string; data?: Record<string, unknown> };

/**
 * The CTE that appends a timeline event for the call row another CTE of the same statement wrote
 * (`written`, with the call's tenant and id): a call's change and its event cost one statement.
 * `data` may be SQL over the written row (the id of an offer inserted in the same statement).
 */
export function eventFor(
  db: Executor,
  written: Subquery,
  columns: { tenantId: SQLWrapper; callId: SQLWrapper },
  at: Date,
  event: { type: string; data?: Record<string, unknown> | SQL },
) {
  const data = event.data instanceof SQL ? event.data : sql`${JSON.stringify(event.data ?? {})}::jsonb`;
  return db.$with("logged").as(
    db
      .insert(callEvents)
      .select(
        db
          .select({
            id: sql<string>`gen_random_uuid()`.as("id"),
            tenantId: sql<string>`${columns.tenantId}`.as("tenant_id"),
            callId: sql<string>`${columns.callId}`.as("call_id"),
            at: sql<Date>`${at.toISOString()}::timestamptz`.as("at"),
            type: sql<string>`${event.type}::text`.as("type"),
            data: sql<Record<string, unknown>>`${data}`.as("data"),
          })
          .from(written),
      )
      .returning({ id: callEvents.id }),
  );
}

const pushCall = (ctx: Ctx, row: CallRow) => afterCommit(ctx, () => ctx.deps.notify(ctx.tenantId, { type: "call:updated", ...toLiveCall(row) }));

/**
 * Changes a call row and appends its timeline event in one statement, then pushes the new state
 * after commit (at once outside a transaction: the statement is atomic by itself).
 */
export async function changeCall(ctx: Ctx, callId: string, set: Partial<typeof calls.$inferInsert>, event: CallEvent): Promise<CallRow> {
  const db = exec(ctx);
  const changed = db.$with("changed").as(
    db
      .update(calls)
      .set(set)
      .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, callId)))
      .returning(),
  );
  const logged = eventFor(db, changed, { tenantId: changed.tenantId, callId: changed.id }, ctx.deps.now(), event);
  const [row] = await db.with(changed, logged).select().from(changed);
  if (!row) throw notFound("Call");
  pushCall(ctx, row);
  return row;
}

/** A new call's row with its first timeline event, in one statement; pushed after commit. */
export async function insertCall(ctx: Ctx, values: Omit<typeof calls.$inferInsert, "tenantId">, event: CallEvent): Promise<CallRow> {
  const db = exec(ctx);
  const inserted = db.$with("inserted").as(
    db
      .insert(calls)
      .values({ ...values, tenantId: ctx.tenantId })
      .returning(),
  );
  const logged = eventFor(db, inserted, { tenantId: inserted.tenantId, callId: inserted.id }, ctx.deps.now(), event);
  const [row] = await db.with(inserted, logged).select().from(inserted);
  if (!row) throw new Error("call insert returned nothing");
  pushCall(ctx, row);
  return row;
}

/** Appends a timeline event to a call of ctx's tenant (one statement, no transaction); 404 for another's. */
export async function noteOnCall(ctx: Ctx, callId: string, event: CallEvent): Promise<void> {
  const db = exec(ctx);
  const call = db.$with("call").as(
    db
      .select({ tenantId: calls.tenantId, id: calls.id })
      .from(calls)
      .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, callId))),
  );
  const logged = eventFor(db, call, { tenantId: call.tenantId, callId: call.id }, ctx.deps.now(), event);
  const [row] = await db.with(call, logged).select().from(logged);
  if (!row) throw notFound("Call");
}

export async function addCallEvent(ctx: Ctx & { tx: Executor }, callId: string, event: { type: string; data?: Record<string, unknown> }) {
  await ctx.tx.insert(callEvents).values({ tenantId: ctx.tenantId, callId, type: event.type, data: event.data ?? {}, at: ctx.deps.now() });
}

export const secondsBetween = (a: Date | null, b: Date | null) => (a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null);
