import { and, eq } from "drizzle-orm";
import { agentStates, callOffers, calls, queues, users } from "@/db/schema";
import { type CallOffer, type Ctx, actorUserId, exec } from "../../context";
import { AppError } from "../../errors";
import { offlineState, toAgentStateOut } from "./internal";

export async function getState({ ctx }: { ctx: Ctx }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only a signed-in user has an agent state");
  const [found] = await exec(ctx)
    .select({ row: agentStates, createdAt: users.createdAt })
    .from(users)
    .leftJoin(agentStates, and(eq(agentStates.tenantId, users.tenantId), eq(agentStates.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  if (!found) throw new AppError("not_found", "User not found");
  const row = found.row;
  // Never chosen a state: offline since the account exists, not "since now", so that a change made
  // while this read was on the wire is newer than this answer (the workspace keeps the newer one).
  if (!row) return { ...offlineState(userId, found.createdAt), offer: null };
  return { ...toAgentStateOut(row), offer: row.state === "ringing" ? await pendingOffer(ctx, userId) : null };
}

/** The offer ringing for this agent (a reloaded page shows it again). */
async function pendingOffer(ctx: Ctx, userId: string): Promise<CallOffer | null> {
  const [found] = await exec(ctx)
    .select({ offer: callOffers, call: calls, queueName: queues.name })
    .from(callOffers)
    .innerJoin(calls, eq(calls.id, callOffers.callId))
    .leftJoin(queues, eq(queues.id, calls.queueId))
    .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.userId, userId), eq(callOffers.result, "pending")));
  if (!found) return null;
  return {
    offerId: found.offer.id,
    callId: found.call.id,
    expiresAt: found.offer.expiresAt.toISOString(),
    fromNumber: found.call.fromNumber,
    toNumber: found.call.toNumber,
    queueId: found.call.queueId,
    queueName: found.queueName,
    enqueuedAt: found.call.queuedAt?.toISOString() ?? null,
  };
}
