"use client";
import { useCallback, useEffect, useState } from "react";
import type { TranscriptOut } from "@/server/services/transcripts/schemas";
import { ApiError, api, errorMessage } from "../../../../_lib/api";

export type { TranscriptOut as Transcript } from "@/server/services/transcripts/schemas";

/** How often a transcript on its way is checked again. */
export const POLL_MS = 3000;
/** A transcript is queued just after the recording is stored: a 404 this soon after may not last. */
const JUST_STORED_MS = 30_000;

export interface TranscriptResource {
  /** undefined: not loaded yet; null: the call has no transcript (404). */
  data: TranscriptOut | null | undefined;
  error: string | null;
  reload: () => Promise<void>;
  /** The answer of a POST that queued it. */
  set: (t: TranscriptOut) => void;
}

/**
 * A call's transcript, checked again every few seconds while it is queued or running (and for a
 * short while after the recording was stored, when the transcript may be about to be queued).
 * `version` changes whenever the call's record does, which loads the transcript again.
 */
export function useTranscript(callId: string, version: unknown, recordingStoredAt: string | undefined): TranscriptResource {
  const [data, setData] = useState<TranscriptOut | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await api<TranscriptOut>(`/calls/${callId}/transcript`));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setData(null);
        setError(null);
      } else setError(errorMessage(e));
    }
  }, [callId]);

  useEffect(() => {
    void reload();
  }, [reload, version]);

  const onItsWay = data?.status === "queued" || data?.status === "running";
  const none = data === null;
  useEffect(() => {
    let left = Infinity;
    if (!onItsWay) {
      if (!none || !recordingStoredAt) return;
      // Clocks differ a little between server and browser: never more than the whole window.
      left = Math.min(JUST_STORED_MS, JUST_STORED_MS - (Date.now() - Date.parse(recordingStoredAt)));
      if (!(left > 0)) return;
    }
    const timer = setInterval(() => void reload(), POLL_MS);
    const stop = left === Infinity ? undefined : setTimeout(() => clearInterval(timer), left);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [onItsWay, none, recordingStoredAt, reload]);

  return { data, error, reload, set: setData };
}
