"use client";
import { type RefObject, useState } from "react";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { useSession } from "../../../../_components/session";
import { EmptyState, ErrorNotice, Loading, Spinner } from "../../../../_components/states";
import { api, errorMessage } from "../../../../_lib/api";
import type { CallRecord } from "../../../../_lib/types";
import { playFrom } from "./play-from";
import { type Transcript as TranscriptData, useTranscript } from "./use-transcript";
import { Utterances } from "./utterances";

const ENGINES: Record<string, string> = { pocketsphinx: "PocketSphinx", http: "Speech-to-text service" };

/** A message from the server as a sentence (they come without the closing full stop). */
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** provider · language · N items masked, for a finished transcript. */
function about(t: TranscriptData): string {
  const parts = [t.provider ? (ENGINES[t.provider] ?? t.provider) : null, languageName(t.language)];
  if (t.maskedCount > 0) parts.push(t.maskedCount === 1 ? "1 item masked" : `${t.maskedCount} items masked`);
  return parts.filter(Boolean).join(" · ");
}

/**
 * What was said on the call, from its recording: each side's utterances in order, each playable
 * from its start in the page's recording. Supervisors and admins can ask for a transcript (a call
 * from before transcription was on) or try again after a failure; the section follows it until done.
 */
export function Transcript({ call, audio }: { call: CallRecord; audio: RefObject<HTMLAudioElement | null> }) {
  const { user } = useSession();
  const supervises = user.role !== "agent";
  const storedAt = call.events.findLast((e) => e.type === "recording_stored")?.at;
  const transcript = useTranscript(call.id, call, storedAt);
  const [asking, setAsking] = useState(false);
  const [askError, setAskError] = useState<string | null>(null);
  const t = transcript.data;

  const ask = async () => {
    setAsking(true);
    setAskError(null);
    try {
      transcript.set(await api<TranscriptData>(`/calls/${call.id}/transcript`, { method: "POST" }));
    } catch (e) {
      setAskError(errorMessage(e));
    } finally {
      setAsking(false);
    }
  };
  const play = (ms: number) => {
    const el = audio.current;
    if (el) playFrom(el, ms).catch((e: unknown) => setAskError(`The recording could not be played: ${errorMessage(e)}`));
  };

  return (
    <Card title="Transcript" description={t?.status === "done" ? about(t) : "Made from the recording after the call, with card numbers, long numbers and e-mail addresses masked."}>
      <div className="space-y-4">
        {transcript.error && <ErrorNotice message={transcript.error} onRetry={() => void transcript.reload()} />}
        {askError && <ErrorNotice message={sentence(askError)} />}
        {t === undefined && !transcript.error && <Loading label="Loading the transcript…" />}
        {t === null && (
          <EmptyState
            title="No transcript"
            action={
              supervises && call.recording.available ? (
                <Button variant="secondary" busy={asking} onClick={() => void ask()}>
                  Transcribe
                </Button>
              ) : undefined
            }
          >
            {call.recording.available
              ? "This call was not transcribed: transcription was off for your organization when it ended."
              : call.state === "ended"
                ? "Only recorded calls can be transcribed, and this call has no recording."
                : "Recorded calls are transcribed once they end, when transcription is on."}
          </EmptyState>
        )}
        {(t?.status === "queued" || t?.status === "running") && <Progress t={t} />}
        {t?.status === "failed" && (
          <ErrorNotice
            message={`The transcript could not be made${t.error ? `: ${sentence(t.error)}` : "."}`}
            onRetry={supervises && call.recording.available && !asking ? () => void ask() : undefined}
          />
        )}
        {t?.status === "done" &&
          (t.segments.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing was said that could be transcribed.</p>
          ) : (
            <Utterances segments={t.segments} onPlay={call.recording.available ? play : undefined} />
          ))}
      </div>
    </Card>
  );
}

function Progress({ t }: { t: TranscriptData }) {
  return (
    <div role="status" className="flex items-start gap-3 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700">
      <Spinner className="mt-0.5 shrink-0" />
      <div>
        <p className="font-medium">Transcribing…</p>
        <p className="mt-0.5 text-slate-600">
          {t.error && t.status === "queued"
            ? `The last attempt failed (${t.error.replace(/[.]$/, "")}); it will be tried again shortly.`
            : t.status === "queued"
              ? "Waiting for its turn. This page updates by itself."
              : "Listening to the recording; this takes from a few seconds to a minute."}
        </p>
      </div>
    </div>
  );
}
