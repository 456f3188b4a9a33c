import { and, eq, inArray, sql } from "drizzle-orm";
import type { WithSubqueryWithSelection } from "drizzle-orm/pg-core";
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
  // The state row and its history event in one statement: the event is inserted from what the
  // update (or upsert) returned, so a move that matched nothing writes no event.
  const logged = async (moved: WithSubqueryWithSelection<typeof agentStates._.columns, "moved">) => {
    const [event] = await ctx.tx
      .with(moved)
      .insert(agentStateEvents)
      .select(
        ctx.tx
          .select({ id: sql<string>`gen_random_uuid()`.as("id"), tenantId: moved.tenantId, userId: moved.userId, state: moved.state, reason: moved.reason, at: moved.since })
          .from(moved),
      )
      .returning({ at: agentStateEvents.at });
    return event;
  };
  let event: { at: Date } | undefined;
  if (move.from) {
    event = await logged(
      ctx.tx.$with("moved").as(
        ctx.tx
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
          .returning(),
      ),
    );
    if (!event && move.from.includes("offline")) {
      // Never had a state (offline by default): the first row.
      event = await logged(ctx.tx.$with("moved").as(ctx.tx.insert(agentStates).values({ tenantId: ctx.tenantId, userId, ...values }).onConflictDoNothing().returning()));
    }
  } else {
    event = await logged(
      ctx.tx
        .$with("moved")
        .as(
          ctx.tx
            .insert(agentStates)
            .values({ tenantId: ctx.tenantId, userId, ...values })
            .onConflictDoUpdate({ target: agentStates.userId, set: values, setWhere: eq(agentStates.tenantId, ctx.tenantId) })
            .returning(),
        ),
    );
  }
  if (!event) return null;
  const out: AgentStateOut = { userId, state: to, reason: values.reason, since: event.at.toISOString(), callId: values.callId, until: values.until?.toISOString() ?? null };
  afterCommit(ctx, () => {
    ctx.deps.notify(ctx.tenantId, { type: "agent:state", ...out });
    if (to === "available") ctx.deps.kickRouting(ctx.tenantId);
  });
  return out;
}
