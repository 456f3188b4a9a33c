import { and, desc, eq } from "drizzle-orm";
import { calls, queues, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";

export async function list({ ctx, input }: { ctx: Ctx; input: { state?: (typeof calls.$inferSelect)["state"]; limit: number } }) {
  const rows = await exec(ctx)
    .select({ call: calls, queueName: queues.name, agentName: users.name })
    .from(calls)
    .leftJoin(queues, and(eq(queues.id, calls.queueId), eq(queues.tenantId, calls.tenantId)))
    .leftJoin(users, and(eq(users.id, calls.agentId), eq(users.tenantId, calls.tenantId)))
    .where(and(eq(calls.tenantId, ctx.tenantId), input.state ? eq(calls.state, input.state) : undefined))
    .orderBy(desc(calls.startedAt))
    .limit(input.limit);
  return rows.map(({ call: c, queueName, agentName }) => ({
    id: c.id,
    direction: c.direction,
    fromNumber: c.fromNumber,
    toNumber: c.toNumber,
    state: c.state,
    startedAt: c.startedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    endReason: c.endReason,
    queue: c.queueId && queueName !== null ? { id: c.queueId, name: queueName } : null,
    agent: c.agentId && agentName !== null ? { id: c.agentId, name: agentName } : null,
  }));
}
