import { type Ctx, inTransaction } from "../../context";
import { insertCall } from "./internal";
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
    const row = await insertCall(
      ctx,
      {
        direction: "inbound",
        fromNumber: input.fromNumber,
        toNumber: input.toNumber,
        trunkId: input.trunkId,
        state: "ringing",
        sipCallId: input.sipCallId,
        nodeId: ctx.deps.nodeId,
        startedAt: ctx.deps.now(),
      },
      { type: "invite", data: { from: input.fromNumber, to: input.toNumber, source: input.source } },
    );
    await emitEvent(ctx, "call.started", row);
    return row;
  });
}
