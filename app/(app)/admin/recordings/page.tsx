"use client";
import { useState, type FormEvent } from "react";
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
      await api("/settings", { method: "PATCH", body: { recordingEnabled: form.get("enabled") === "on", recordingRetentionDays: Number(form.get("days")) } });
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
        <Card title="Recording and retention">
          <form onSubmit={(e) => void submit(e)} className="max-w-md space-y-4">
            {error && <ErrorNotice message={error} />}
            <label className="flex items-center gap-3 text-sm font-medium text-slate-700">
              <input type="checkbox" name="enabled" defaultChecked={settings.data.recordingEnabled} className="size-4 rounded border-slate-300" />
              Record every call
            </label>
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
