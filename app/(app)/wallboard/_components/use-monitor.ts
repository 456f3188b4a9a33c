"use client";
import { useCallback, useEffect, useState } from "react";
import { emitVerb } from "../../../_lib/socket";
import { errorMessage } from "../../../_lib/api";
import { useCallMedia } from "../../../_components/softphone/use-call-media";

export type MonitorMode = "listen" | "whisper" | "barge";

/** The modes as the wallboard offers them: the button's label, what it does, the bar's heading. */
export const MONITOR_MODES: ReadonlyArray<{ mode: MonitorMode; label: string; hint: string; heading: string }> = [
  { mode: "listen", label: "Listen", hint: "You hear both; nobody hears you", heading: "Listening to" },
  { mode: "whisper", label: "Whisper", hint: "Only the agent hears you", heading: "Whispering to" },
  { mode: "barge", label: "Barge", hint: "The caller and the agent hear you", heading: "Barged into" },
];

export interface Monitored {
  callId: string;
  agentName: string;
  mode: MonitorMode;
}

/**
 * The supervisor's monitoring of one live call: the mode over Socket.IO, the audio through the
 * same media client as an agent's (the server sets the mixer role of the mode on this leg).
 * `live` is the call ids agents are on now: a call that ended is left by itself.
 */
export function useMonitor(live: ReadonlySet<string>) {
  const [current, setCurrent] = useState<Monitored | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const media = useCallMedia(current?.callId ?? null);

  const start = useCallback(async (callId: string, agentName: string, mode: MonitorMode) => {
    setBusy(true);
    setError(null);
    try {
      const r = await emitVerb("call:monitor", { callId, mode });
      setCurrent({ callId, agentName, mode: r.mode });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  const stop = useCallback(async () => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      await emitVerb("call:monitor-end", { callId: current.callId });
    } catch {
      // The call may have ended meanwhile: nothing is left to leave.
    } finally {
      setCurrent(null);
      setBusy(false);
    }
  }, [current]);

  useEffect(() => {
    if (current && !live.has(current.callId)) setCurrent(null);
  }, [current, live]);

  return { current, busy, error, media, start, stop };
}
