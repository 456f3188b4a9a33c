import { and, eq } from "drizzle-orm";
import { agentStates } from "@/db/schema";
import { type Ctx, actorUserId, exec } from "../../context";
import { AppError } from "../../errors";
import { offlineState, toAgentStateOut } from "./internal";

export async function getState({ ctx }: { ctx: Ctx }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only a signed-in user has an agent state");
  const [row] = await exec(ctx)
    .select()
    .from(agentStates)
    .where(and(eq(agentStates.tenantId, ctx.tenantId), eq(agentStates.userId, userId)));
  return row ? toAgentStateOut(row) : offlineState(userId, ctx.deps.now());
}
