import { type Ctx, inTransaction } from "../../context";
import { addCallEvent, getCallInTenant } from "./internal";

/** A position / estimated-wait announcement the caller heard while waiting, on the call's timeline. */
export async function recordAnnouncement({ ctx, input }: { ctx: Ctx; input: { callId: string; position: number; estimatedWaitSec: number } }) {
  await inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId);
    await addCallEvent(ctx, call.id, { type: "announcement", data: { queueId: call.queueId, position: input.position, estimatedWaitSec: input.estimatedWaitSec } });
  });
}
