import { and, asc, eq, ne } from "drizzle-orm";
import { agentStates, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { offlineState, toAgentStateOut } from "./internal";

/** Every active user with their state (supervisors' agent list and wallboard). */
export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx)
    .select({ user: users, state: agentStates })
    .from(users)
    .leftJoin(agentStates, and(eq(agentStates.userId, users.id), eq(agentStates.tenantId, users.tenantId)))
    .where(and(eq(users.tenantId, ctx.tenantId), ne(users.status, "disabled")))
    .orderBy(asc(users.name));
  return rows.map(({ user, state }) => ({
    ...(state ? toAgentStateOut(state) : offlineState(user.id, user.createdAt)),
    name: user.name,
    email: user.email,
    role: user.role,
  }));
}
