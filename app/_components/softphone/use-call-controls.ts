"use client";
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "@/app/_lib/api";
import { emitVerb } from "@/app/_lib/socket";
import { playDtmfTone } from "./dtmf-tone";

export type ControlBusy = "hangup" | "hold" | "recording" | null;

export interface CallControls {
  busy: ControlBusy;
  error: string | null;
  clearError: () => void;
  /** Resolve with null when the server did it, or with the reason it did not (also in `error`). */
  hangup: () => Promise<string | null>;
  hold: (held: boolean) => Promise<string | null>;
  dtmf: (key: string) => void;
  /** The call's recording is paused (card digits being read out). */
  recordingPaused: boolean;
  pauseRecording: (paused: boolean) => Promise<string | null>;
}

/** Hang up, hold and keypad for the call in progress (Socket.IO verbs with acks). */
export function useCallControls(callId: string | null): CallControls {
  const [busy, setBusy] = useState<ControlBusy>(null);
  const [error, setError] = useState<string | null>(null);
  const [recordingPaused, setRecordingPaused] = useState(false);
  // Each call starts recorded; the server resumes a pause when the agent leaves the call anyway.
  // The softphone outlives its calls: an error about the last one goes with it.
  useEffect(() => {
    setRecordingPaused(false);
    setError(null);
  }, [callId]);

  const run = useCallback(
    async (what: Exclude<ControlBusy, null>, label: string, fn: (id: string) => Promise<unknown>) => {
      if (!callId) return "No call";
      setBusy(what);
      setError(null);
      try {
        await fn(callId);
        return null;
      } catch (e) {
        const message = `${label}: ${errorMessage(e)}`;
        setError(message);
        return message;
      } finally {
        setBusy(null);
      }
    },
    [callId],
  );

  const hangup = useCallback(() => run("hangup", "Could not hang up", (id) => emitVerb("call:hangup", { callId: id })), [run]);
  const hold = useCallback(
    (held: boolean) => run("hold", held ? "Could not hold the call" : "Could not resume the call", (id) => emitVerb("call:hold", { callId: id, held })),
    [run],
  );
  const dtmf = useCallback(
    (key: string) => {
      playDtmfTone(key);
      if (!callId) return;
      emitVerb("call:dtmf", { callId, digits: key }).catch((e: unknown) => setError(`Could not send ${key}: ${errorMessage(e)}`));
    },
    [callId],
  );
  const pauseRecording = useCallback(
    (paused: boolean) =>
      run("recording", paused ? "Could not pause the recording" : "Could not resume the recording", async (id) => {
        const out = await emitVerb("call:recording", { callId: id, paused });
        setRecordingPaused(out.paused);
      }),
    [run],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, clearError, hangup, hold, dtmf, recordingPaused, pauseRecording };
}
