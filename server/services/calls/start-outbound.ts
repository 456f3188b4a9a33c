import { and, eq, isNotNull } from "drizzle-orm";
import { calls, trunks } from "@/db/schema";
import { type Ctx, actorUserId, afterCommit, inTransaction } from "../../context";
import { unseal } from "../../crypto/sealed";
import { AppError } from "../../errors";
import { moveAgent } from "../agents/internal";
import { addCallEvent, toLiveCall } from "./internal";

/**
 * Click-to-call: the record of an agent's outbound call through one of the tenant's outbound
 * trunks (the first by name unless one is named), the agent busy with it from the start.
 * Returns what the gateway needs to dial, credentials unsealed for this one use.
 */
export async function startOutbound({ ctx, input }: { ctx: Ctx; input: { toNumber: string; trunkId?: string } }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only an agent places calls");
  return inTransaction(ctx, async (ctx) => {
    const [trunk] = await ctx.tx
      .select()
      .from(trunks)
      .where(and(eq(trunks.tenantId, ctx.tenantId), isNotNull(trunks.outbound), input.trunkId ? eq(trunks.id, input.trunkId) : undefined))
      .orderBy(trunks.name)
      .limit(1);
    if (!trunk?.outbound) throw new AppError("conflict", "No trunk places outbound calls: add one under Admin, Trunks");
    const [row] = await ctx.tx
      .insert(calls)
      .values({
        tenantId: ctx.tenantId,
        direction: "outbound",
        fromNumber: trunk.outbound.callerId,
        toNumber: input.toNumber,
        trunkId: trunk.id,
        agentId: userId,
        state: "ringing",
        nodeId: ctx.deps.nodeId,
        startedAt: ctx.deps.now(),
      })
      .returning();
    if (!row) throw new Error("call insert returned nothing");
    const moved = await moveAgent(ctx, userId, "in_call", { callId: row.id, from: ["available", "break", "offline", "after_call_work"] });
    if (!moved) throw new AppError("conflict", "Finish your current call first");
    await addCallEvent(ctx, row.id, { type: "dial", data: { to: input.toNumber, trunkId: trunk.id, userId } });
    afterCommit(ctx, () => ctx.deps.notify(ctx.tenantId, { type: "call:updated", ...toLiveCall(row) }));
    const o = trunk.outbound;
    return {
      call: row,
      dial: {
        target: { host: o.host, port: o.port, transport: o.transport },
        fromUser: o.callerId,
        auth: o.username && o.passwordSealed ? { username: o.username, password: unseal(ctx.deps.secret, o.passwordSealed) } : undefined,
      },
    };
  });
}
