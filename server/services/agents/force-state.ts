import { and, eq, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record";
import { moveAgent } from "./internal";
import type { StateInput } from "./schemas";

/**
 * A supervisor sets an agent's state (an agent who left without signing out, a break that ran
 * over): Available, Break or Offline, never while the agent rings or talks. Audited.
 */
export async function forceState({ ctx, input }: { ctx: Ctx; input: StateInput & { userId: string } }) {
  if (input.state !== "break" && input.reason) throw new AppError("validation_failed", "reason: only a break has a reason", { field: "reason" });
  return inTransaction(ctx, async (ctx) => {
    const [user] = await ctx.tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, input.userId), ne(users.status, "disabled")));
    if (!user) throw new AppError("not_found", "No such user");
    const moved = await moveAgent(ctx, user.id, input.state, {
      reason: input.state === "break" ? (input.reason ?? "Break") : null,
      from: ["offline", "available", "break", "after_call_work"],
    });
    if (!moved) throw new AppError("conflict", `${user.name} is on a call; their state changes when it ends`);
    await recordAudit(ctx, { action: "agent.state-forced", entityId: user.id, data: { state: input.state, reason: moved.reason } });
    return moved;
  });
}
