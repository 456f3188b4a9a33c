import { and, eq, sql } from "drizzle-orm";
import { calls } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { addCallEvent } from "./internal";

/** One IVR step on the call's path (`menu:2`, `hours:closed`), in the record and its timeline (with the node's label, when the flow gives it one). */
export async function recordIvrStep({ ctx, input }: { ctx: Ctx; input: { callId: string; step: string; label?: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const [call] = await ctx.tx
      .update(calls)
      .set({ ivrPath: sql`${calls.ivrPath} || ${JSON.stringify([input.step])}::jsonb` })
      .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, input.callId)))
      .returning({ id: calls.id });
    if (!call) throw new AppError("not_found", "No such call");
    await addCallEvent(ctx, input.callId, { type: "ivr", data: { step: input.step, ...(input.label ? { label: input.label } : {}) } });
  });
}
