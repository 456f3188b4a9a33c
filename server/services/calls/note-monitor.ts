import type { Ctx } from "../../context";
import { noteOnCall } from "./internal";

export type MonitorMode = "listen" | "whisper" | "barge";

/** A supervisor's listen / whisper / barge on the call's timeline (who, which mode, when). */
export async function noteMonitor({ ctx, input }: { ctx: Ctx; input: { callId: string; userId: string; event: "monitor_started" | "monitor_mode" | "monitor_ended"; mode?: MonitorMode } }) {
  await noteOnCall(ctx, input.callId, { type: input.event, data: { userId: input.userId, ...(input.mode ? { mode: input.mode } : {}) } });
}

/**
 * The recording paused (a caller reads out card digits) or resumed, on the call's timeline: by
 * whom, or why when the system did it (the agent who paused it left the call).
 */
export async function noteRecordingPause({ ctx, input }: { ctx: Ctx; input: { callId: string; paused: boolean; userId: string | null; reason?: string } }) {
  await noteOnCall(ctx, input.callId, { type: input.paused ? "recording_paused" : "recording_resumed", data: { userId: input.userId, ...(input.reason ? { reason: input.reason } : {}) } });
}
