import { and, eq } from "drizzle-orm";
import { dispositions } from "@/db/schema";
import { type Ctx, actorUserId, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { changeCall, getCallInTenant } from "./internal";
import type { WrapUpInput } from "./schemas";

/** The answering agent files disposition and notes; the agent is Available again. */
export async function wrapUp({ ctx, input }: { ctx: Ctx; input: { callId: string } & WrapUpInput }) {
  const userId = actorUserId(ctx);
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.agentId !== userId && ctx.actor.role === "agent") throw new AppError("forbidden", "Only the agent who took the call wraps it up");
    if (call.state !== "ended") throw new AppError("conflict", "The call is still going on");
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
    return row;
  });
}
