import { and, eq, sql } from "drizzle-orm";
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

/**
 * Changes a call row and appends its timeline event in one statement (the event inserted from
 * the row the update returned), then pushes the new state after commit.
 */
export async function changeCall(
  ctx: Ctx & { tx: Executor },
  callId: string,
  set: Partial<typeof calls.$inferInsert>,
  event: { type: string; data?: Record<string, unknown> },
): Promise<CallRow> {
  const changed = ctx.tx.$with("changed").as(
    ctx.tx
      .update(calls)
      .set(set)
      .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, callId)))
      .returning(),
  );
  const at = ctx.deps.now().toISOString();
  const logged = ctx.tx.$with("logged").as(
    ctx.tx
      .insert(callEvents)
      .select(
        ctx.tx
          .select({
            id: sql<string>`gen_random_uuid()`.as("id"),
            tenantId: changed.tenantId,
            callId: changed.id,
            at: sql<Date>`${at}::timestamptz`.as("at"),
            type: sql<string>`${event.type}::text`.as("type"),
            data: sql<Record<string, unknown>>`${JSON.stringify(event.data ?? {})}::jsonb`.as("data"),
          })
          .from(changed),
      )
      .returning({ id: callEvents.id }),
  );
  const [row] = await ctx.tx.with(changed, logged).select().from(changed);
  if (!row) throw notFound("Call");
  afterCommit(ctx, () => ctx.deps.notify(ctx.tenantId, { type: "call:updated", ...toLiveCall(row) }));
  return row;
}

export async function addCallEvent(ctx: Ctx & { tx: Executor }, callId: string, event: { type: string; data?: Record<string, unknown> }) {
  await ctx.tx.insert(callEvents).values({ tenantId: ctx.tenantId, callId, type: event.type, data: event.data ?? {}, at: ctx.deps.now() });
}

export const secondsBetween = (a: Date | null, b: Date | null) => (a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null);
