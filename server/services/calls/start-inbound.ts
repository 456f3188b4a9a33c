import { calls } from "@/db/schema";
import { type Ctx, afterCommit, inTransaction } from "../../context";
import { addCallEvent, toLiveCall } from "./internal";
import { emitEvent } from "../../webhooks/emit";

export interface InboundCallInput {
  fromNumber: string;
  toNumber: string;
  trunkId: string;
  sipCallId: string;
  source: string;
}

/** The record of an inbound call, from its first accepted INVITE. */
export async function startInbound({ ctx, input }: { ctx: Ctx; input: InboundCallInput }) {
  return inTransaction(ctx, async (ctx) => {
    const [row] = await ctx.tx
      .insert(calls)
      .values({
        tenantId: ctx.tenantId,
        direction: "inbound",
        fromNumber: input.fromNumber,
        toNumber: input.toNumber,
        trunkId: input.trunkId,
        state: "ringing",
        sipCallId: input.sipCallId,
        nodeId: ctx.deps.nodeId,
        startedAt: ctx.deps.now(),
      })
      .returning();
    if (!row) throw new Error("call insert returned nothing");
    await addCallEvent(ctx, row.id, { type: "invite", data: { from: input.fromNumber, to: input.toNumber, source: input.source } });
    afterCommit(ctx, () => ctx.deps.notify(ctx.tenantId, { type: "call:updated", ...toLiveCall(row) }));
    await emitEvent(ctx, "call.started", row);
    return row;
  });
}
