/**
 * A supervisor in a live call, from their browser: listen (hears the caller and the agent, heard
 * by nobody), whisper (heard by the agent only: coaching) or barge (heard by both). The
 * supervisor's browser leg joins the call's media like an agent's (media:transports), with the
 * mixer role of the mode set on it before it carries any audio; the mode can change at any time.
 */
import type { MediaPlane, MixRole } from "@/media/protocol";
import { type Ctx, actorUserId } from "../context";
import { AppError } from "../errors";
import * as calls from "../services/calls";
import type { MonitorMode } from "../services/calls";
import type { LiveCallEntry, LiveCalls, MonitorSeat } from "./live-calls";

export function createMonitoring(d: { media: MediaPlane; live: LiveCalls; log: (msg: string, e?: unknown) => void }) {
  /** Whether `mode` can start now: a whisper needs the agent's browser leg. */
  function checkMode(entry: LiveCallEntry, mode: MonitorMode): void {
    if (mode !== "whisper" || entry.agent?.leg) return;
    throw new AppError("conflict", entry.agent?.deskKey ? "A whisper reaches an agent in the browser; this agent took the call on a SIP phone" : "The agent's audio is not connected yet; try again in a moment");
  }

  /**
   * The mixer role of `mode` now. A whisper goes to the call's current agent's browser leg; while
   * there is none (the call transferred and not yet answered), nobody hears it.
   */
  function roleFor(entry: LiveCallEntry, mode: MonitorMode): MixRole {
    if (mode === "listen") return { mode: "listen" };
    if (mode === "barge") return { mode: "party" };
    const to = entry.agent?.leg?.id;
    return to ? { mode: "whisper", to } : { mode: "listen" };
  }

  /** Sets the seat's mode on its leg (`leg`: the one just made, before the seat holds it). */
  async function applyRole(entry: LiveCallEntry, seat: MonitorSeat, leg = seat.leg): Promise<void> {
    if (leg) await d.media.getCall(entry.callId)?.setMixRole(leg.id, roleFor(entry, seat.mode));
  }

  // A whisper follows the call's agent: after a transfer it reaches the new agent, not the old leg.
  d.live.onAgentChange = (entry) => {
    for (const seat of entry.monitors?.values() ?? []) {
      if (seat.mode === "whisper") void applyRole(entry, seat).catch((e: unknown) => d.log("retarget whisper", e));
    }
  };

  function supervisor(ctx: Ctx): string {
    const userId = actorUserId(ctx);
    if (!userId || ctx.actor.role === "agent") throw new AppError("forbidden", "Listening to calls needs the supervisor role");
    return userId;
  }

  function liveCall(ctx: Ctx, callId: string): LiveCallEntry {
    const entry = d.live.get(callId);
    if (!entry || entry.tenantId !== ctx.tenantId) throw new AppError("not_found", "No such live call on this node");
    return entry;
  }

  return {
    /** Starts monitoring in `mode`, or changes the mode of a monitoring already running. */
    async start(ctx: Ctx, callId: string, mode: MonitorMode): Promise<{ callId: string; mode: MonitorMode }> {
      const userId = supervisor(ctx);
      const entry = liveCall(ctx, callId);
      if (!entry.agent) throw new AppError("conflict", "Only a call an agent is on can be monitored");
      if (entry.agent.userId === userId) throw new AppError("conflict", "This is your own call");
      checkMode(entry, mode); // refuse before anything changes
      entry.monitors ??= new Map();
      const seat = entry.monitors.get(userId);
      if (seat) {
        if (seat.mode === mode) return { callId, mode };
        const before = seat.mode;
        seat.mode = mode;
        try {
          await applyRole(entry, seat);
        } catch (e) {
          seat.mode = before;
          throw e;
        }
        await calls.noteMonitor({ ctx, input: { callId, userId, event: "monitor_mode", mode } });
        return { callId, mode };
      }
      const fresh: MonitorSeat = {
        userId,
        leg: null,
        pending: null,
        mode,
        onLeg: (leg) => applyRole(entry, fresh, leg),
      };
      entry.monitors.set(userId, fresh);
      await calls.noteMonitor({ ctx, input: { callId, userId, event: "monitor_started", mode } });
      return { callId, mode };
    },

    /** The supervisor leaves the call; its leg goes, the call goes on. */
    async stop(ctx: Ctx, callId: string): Promise<void> {
      const userId = supervisor(ctx);
      const entry = liveCall(ctx, callId);
      const seat = entry.monitors?.get(userId);
      if (!seat) throw new AppError("not_found", "You are not monitoring this call");
      entry.monitors?.delete(userId);
      const leg = seat.leg ?? (await seat.pending?.catch(() => null)) ?? null;
      if (leg) await d.media.getCall(callId)?.removeLeg(leg.id);
      await calls.noteMonitor({ ctx, input: { callId, userId, event: "monitor_ended" } });
    },
  };
}

export type Monitoring = ReturnType<typeof createMonitoring>;
