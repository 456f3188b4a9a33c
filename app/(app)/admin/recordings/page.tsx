"use client";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { ErrorNotice, Loading } from "../../../_components/states";
import { api, errorMessage } from "../../../_lib/api";
import { useResource } from "../../../_lib/use-resource";

interface Settings {
  recordingEnabled: boolean;
  recordingRetentionDays: number;
  transcriptionEnabled: boolean;
  /** This server's speech-to-text engine; null: transcription cannot be turned on here. */
  transcriptionProvider: string | null;
}

const ENGINES: Record<string, string> = { pocketsphinx: "PocketSphinx, on this server", http: "the speech-to-text service this server is set up with" };

/** The switch for transcripts of recorded calls, off and explained when this server has no engine. */
function TranscribeSwitch({ settings }: { settings: Settings }) {
  const id = useId();
  const engine = settings.transcriptionProvider;
  return (
    <div className="flex items-start gap-3 text-sm">
      <input
        id={id}
        type="checkbox"
        name="transcribe"
        defaultChecked={engine !== null && settings.transcriptionEnabled}
        disabled={engine === null}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 disabled:cursor-not-allowed"
      />
      <div>
        <label htmlFor={id} className={`font-medium ${engine === null ? "text-slate-500" : "text-slate-700"}`}>
          Transcribe recorded calls
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {engine === null
            ? "This server has no speech-to-text engine (set TRANSCRIPTION)."
            : `After each recorded call, its recording is transcribed by ${ENGINES[engine] ?? engine}. Card numbers, long numbers and e-mail addresses are masked in the transcript, which is deleted with its recording.`}
        </p>
      </div>
    </div>
  );
}

export default function RecordingsPage() {
  const settings = useResource<Settings>("/settings");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const body = { recordingEnabled: form.get("enabled") === "on", recordingRetentionDays: Number(form.get("days")) };
      // Without an engine the switch is disabled: leave the stored choice as it is.
      const transcription = settings.data?.transcriptionProvider ? { transcriptionEnabled: form.get("transcribe") === "on" } : {};
      await api("/settings", { method: "PATCH", body: { ...body, ...transcription } });
      await settings.reload();
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Recordings" description="Calls are recorded in stereo (caller left, agent right) and stored encrypted with your organization's own key." />
      {settings.error && <ErrorNotice message={settings.error} onRetry={() => void settings.reload()} />}
      {!settings.data && settings.loading && <Loading />}
      {settings.data && (
        <Card title="Recording, transcripts and retention">
          <form onSubmit={(e) => void submit(e)} className="max-w-md space-y-4">
            {error && <ErrorNotice message={error} />}
            <label className="flex items-center gap-3 text-sm font-medium text-slate-700">
              <input type="checkbox" name="enabled" defaultChecked={settings.data.recordingEnabled} className="size-4 rounded border-slate-300" />
              Record every call
            </label>
            <TranscribeSwitch settings={settings.data} />
            <TextField
              label="Keep recordings for (days)"
              name="days"
              type="number"
              min={1}
              max={3650}
              required
              defaultValue={settings.data.recordingRetentionDays}
              hint="Older recordings are deleted every hour. 180 days unless you change it."
            />
            <div className="flex items-center gap-3">
              <Button type="submit" busy={busy}>
                Save
              </Button>
              {saved && (
                <span role="status" className="text-sm text-emerald-700">
                  Saved
                </span>
              )}
            </div>
          </form>
        </Card>
      )}
    </>
  );
}
