import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { changeCall, getCallInTenant, secondsBetween } from "./internal";

/** Hold or resume a call in progress; hold time is summed for the record. */
export async function setHold({ ctx, input }: { ctx: Ctx; input: { callId: string; held: boolean; by: "agent" | "caller" } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state !== "in_call") throw new AppError("conflict", "Only a call in progress can be held");
    if (input.held === (call.heldSince !== null)) return call;
    const now = ctx.deps.now();
    return input.held
      ? changeCall(ctx, call.id, { heldSince: now }, { type: "hold", data: { by: input.by } })
      : changeCall(ctx, call.id, { heldSince: null, holdSeconds: call.holdSeconds + (secondsBetween(call.heldSince, now) ?? 0) }, { type: "resume", data: { by: input.by } });
  });
}
