import { and, eq } from "drizzle-orm";
import { callOffers } from "@/db/schema";
import { type Ctx, afterCommit, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { AFTER_CALL_WORK_MS } from "./end";
import { addCallEvent, changeCall, getCallInTenant } from "./internal";
import { releaseOffer } from "./release-offer";

type Party = { userId: string } | { number: string };

/**
 * Warm transfer, last step: the agent who consulted leaves (to after-call work) and the
 * consulted party keeps the caller; an agent becomes the call's agent.
 */
export async function consultComplete({ ctx, input }: { ctx: Ctx; input: { callId: string; from: string; to: Party } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "in_call" || call.agentId !== input.from) throw new AppError("conflict", "Only the agent in the call can complete its transfer");
    const to = "userId" in input.to ? { userId: input.to.userId } : { number: input.to.number };
    const event = { type: "transfer_warm", data: { from: input.from, ...to } };
    // An agent becomes the call's agent; a number just takes over the talking.
    const row = "userId" in to ? await changeCall(ctx, call.id, { agentId: to.userId }, event) : (await addCallEvent(ctx, call.id, event), call);
    await moveAgent(ctx, input.from, "after_call_work", { callId: call.id, until: new Date(ctx.deps.now().getTime() + AFTER_CALL_WORK_MS), from: ["in_call"], onCall: call.id });
    afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
    return row;
  });
}

/**
 * A consult that ends without a transfer (cancelled, declined, the other side hung up): noted on
 * the call; an offer still ringing is withdrawn, and a consulted agent who had picked up is free
 * again at once (no wrap-up for it).
 */
export async function consultEnd({ ctx, input }: { ctx: Ctx; input: { callId: string; reason: string; userId?: string; number?: string } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId);
    const pending = await ctx.tx
      .select({ id: callOffers.id })
      .from(callOffers)
      .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.callId, call.id), eq(callOffers.result, "pending")));
    for (const o of pending) await releaseOffer(ctx, o.id, "cancelled");
    if (input.userId) await moveAgent(ctx, input.userId, "available", { from: ["in_call"], onCall: call.id });
    const party = input.userId ? { userId: input.userId } : input.number ? { number: input.number } : {};
    await addCallEvent(ctx, call.id, { type: "consult_ended", data: { reason: input.reason, ...party } });
    afterCommit(ctx, () => ctx.deps.kickRouting(ctx.tenantId));
  });
}

/** The caller joined the consult: a three-way conference, noted on the call. */
export async function noteConference({ ctx, input }: { ctx: Ctx; input: { callId: string; party: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId);
    await addCallEvent(ctx, call.id, { type: "conference", data: { party: input.party } });
  });
}
