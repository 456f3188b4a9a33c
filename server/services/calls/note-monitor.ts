import { type Ctx, inTransaction } from "../../context";
import { addCallEvent, getCallInTenant } from "./internal";

export type MonitorMode = "listen" | "whisper" | "barge";

/** A supervisor's listen / whisper / barge on the call's timeline (who, which mode, when). */
export async function noteMonitor({ ctx, input }: { ctx: Ctx; input: { callId: string; userId: string; event: "monitor_started" | "monitor_mode" | "monitor_ended"; mode?: MonitorMode } }) {
  await inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId);
    await addCallEvent(ctx, call.id, { type: input.event, data: { userId: input.userId, ...(input.mode ? { mode: input.mode } : {}) } });
  });
}
