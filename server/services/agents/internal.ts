import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agentStateEvents, agentStates } from "@/db/schema";
import { type AgentStateName, type AgentStateOut, type Ctx, afterCommit } from "../../context";

type StateRow = typeof agentStates.$inferSelect;

export const toAgentStateOut = (r: StateRow): AgentStateOut => ({
  userId: r.userId,
  state: r.state,
  reason: r.reason,
  since: r.since.toISOString(),
  callId: r.callId,
  until: r.until?.toISOString() ?? null,
});

export const offlineState = (userId: string, at: Date): AgentStateOut => ({
  userId,
  state: "offline",
  reason: null,
  since: at.toISOString(),
  callId: null,
  until: null,
});

export interface Move {
  reason?: string | null;
  callId?: string | null;
  /** The state ends by itself then (after-call work, a short break after a missed offer). */
  until?: Date | null;
  /** Only move when the agent is in one of these states now (claims that race). */
  from?: readonly AgentStateName[];
  /** ...and only while busy with this call (not one they moved on to). */
  onCall?: string;
}

/**
 * The one way an agent's state changes: the row, a history event, and a push to the tenant's
 * browsers after commit. Returns null when `from` did not match (someone else moved first).
 */
export async function moveAgent(ctx: Ctx & { tx: Executor }, userId: string, to: AgentStateName, move: Move = {}): Promise<AgentStateOut | null> {
  const now = ctx.deps.now();
  const values = {
    state: to,
    reason: move.reason ?? null,
    callId: move.callId ?? null,
    until: move.until ?? null,
    since: now,
    ...(to === "available" ? { idleSince: now } : {}),
  };
  let row: StateRow | undefined;
  if (move.from) {
    [row] = await ctx.tx
      .update(agentStates)
      .set(values)
      .where(
        and(
          eq(agentStates.tenantId, ctx.tenantId),
          eq(agentStates.userId, userId),
          inArray(agentStates.state, [...move.from]),
          move.onCall ? eq(agentStates.callId, move.onCall) : undefined,
        ),
      )
      .returning();
    if (!row && move.from.includes("offline")) {
      [row] = await ctx.tx.insert(agentStates).values({ tenantId: ctx.tenantId, userId, ...values }).onConflictDoNothing().returning();
    }
  } else {
    [row] = await ctx.tx
      .insert(agentStates)
      .values({ tenantId: ctx.tenantId, userId, ...values })
      .onConflictDoUpdate({ target: agentStates.userId, set: values, setWhere: eq(agentStates.tenantId, ctx.tenantId) })
      .returning();
  }
  if (!row) return null;
  await ctx.tx.insert(agentStateEvents).values({ tenantId: ctx.tenantId, userId, state: to, reason: values.reason });
  const out = toAgentStateOut(row);
  afterCommit(ctx, () => {
    ctx.deps.notify(ctx.tenantId, { type: "agent:state", ...out });
    if (to === "available") ctx.deps.kickRouting(ctx.tenantId);
  });
  return out;
}
