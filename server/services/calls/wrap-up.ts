import { and, eq } from "drizzle-orm";
import { agentStates, dispositions } from "@/db/schema";
import { type Ctx, actorUserId, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { changeCall, getCallInTenant } from "./internal";
import type { WrapUpInput } from "./schemas";
import { emitEvent } from "../../webhooks/emit";

/** The answering agent files disposition and notes; the agent is Available again. */
export async function wrapUp({ ctx, input }: { ctx: Ctx; input: { callId: string } & WrapUpInput }) {
  const userId = actorUserId(ctx);
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    const [mine] = userId
      ? await ctx.tx
          .select({ state: agentStates.state, callId: agentStates.callId })
          .from(agentStates)
          .where(and(eq(agentStates.tenantId, ctx.tenantId), eq(agentStates.userId, userId)))
      : [];
    // The agent in after-call work for this call (also after a transfer), or a supervisor later on.
    const wrappingUp = mine?.state === "after_call_work" && mine.callId === call.id;
    if (!wrappingUp) {
      if (ctx.actor.role === "agent") throw new AppError("conflict", "Only the agent who handled the call wraps it up, after it");
      if (call.state !== "ended") throw new AppError("conflict", "The call is still going on");
    }
    if (input.dispositionId) {
      const [d] = await ctx.tx
        .select({ id: dispositions.id })
        .from(dispositions)
        .where(and(eq(dispositions.tenantId, ctx.tenantId), eq(dispositions.id, input.dispositionId)));
      if (!d) throw new AppError("validation_failed", "dispositionId: no such disposition", { field: "dispositionId" });
    }
    const row = await changeCall(
      ctx,
      call.id,
      { dispositionId: input.dispositionId, notes: input.notes, wrappedUpAt: ctx.deps.now() },
      { type: "wrapped_up", data: { userId, dispositionId: input.dispositionId } },
    );
    if (userId) await moveAgent(ctx, userId, "available", { from: ["after_call_work"] });
    await emitEvent(ctx, "call.wrapped_up", row);
    return row;
  });
}
