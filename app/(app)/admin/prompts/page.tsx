"use client";
import { useState, type FormEvent } from "react";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { ConfirmDialog } from "../../../_components/confirm-dialog";
import { TextField } from "../../../_components/field";
import { PageHeader } from "../../../_components/page-header";
import { RenameDialog } from "../../../_components/rename-dialog";
import { EmptyState, ErrorNotice, Loading } from "../../../_components/states";
import { api, errorMessage } from "../../../_lib/api";
import { useResource } from "../../../_lib/use-resource";
import { MAX_PROMPT_BYTES, formatDuration, uploadPrompt } from "./upload-prompt";

interface Prompt {
  id: string;
  name: string;
  originalName: string | null;
  durationMs: number;
}

export default function PromptsPage() {
  const list = useResource<Prompt[]>("/prompts");
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<Prompt | null>(null);
  const [deleting, setDeleting] = useState<Prompt | null>(null);

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    setError(null);
    if (file instanceof File && file.size > MAX_PROMPT_BYTES) {
      setError(`${file.name} is larger than 10 MB. Upload a shorter recording or an MP3.`);
      return;
    }
    setProgress(0);
    try {
      await uploadPrompt(data, setProgress);
      form.reset();
      await list.reload();
    } catch (err) {
      // "file: not a WAV or MP3 file" reads better with the file's own name.
      const message = errorMessage(err);
      setError(file instanceof File && message.startsWith("file: ") ? `${file.name}: ${message.slice(6)}` : message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <>
      <PageHeader title="Prompts" description="Recorded audio for IVR flows. Uploads are converted to phone audio (8 kHz G.711), which is what callers hear in the preview." />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
        <Card title="Prompts">
          {list.error && <ErrorNotice message={list.error} onRetry={() => void list.reload()} />}
          {!list.data && list.loading && <Loading />}
          {list.data?.length === 0 && <EmptyState title="No prompts yet">Upload a greeting or a closed message, then choose it in a flow as a recorded prompt.</EmptyState>}
          <ul className="divide-y divide-slate-100">
            {list.data?.map((p) => (
              <li key={p.id} aria-label={p.name} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
                <div className="min-w-40 flex-1">
                  <p className="text-sm font-medium text-slate-900">{p.name}</p>
                  <p className="text-xs text-slate-500">
                    <span aria-label="Duration">{formatDuration(p.durationMs)}</span>
                    {p.originalName && <> · {p.originalName}</>}
                  </p>
                </div>
                <audio controls preload="none" src={`/api/v1/prompts/${p.id}/audio`} aria-label={`Preview ${p.name}`} className="h-9 w-56 max-w-full" />
                <span className="flex gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Rename ${p.name}`}
                    onClick={() => setRenaming(p)}
                  >
                    Rename
                  </Button>
                  <Button variant="ghost-danger" size="sm" aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)}>
                    Delete
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Upload a prompt" description="WAV or MP3, up to 10 MB and 5 minutes.">
          <form onSubmit={(e) => void add(e)} className="space-y-3">
            {error && <ErrorNotice message={error} />}
            <TextField label="Name" name="name" required maxLength={80} placeholder="e.g. Welcome" />
            <TextField label="File" name="file" type="file" accept=".wav,.mp3,audio/wav,audio/x-wav,audio/mpeg" required className="[&_input]:h-auto [&_input]:py-1.5" />
            {progress !== null && (
              <div className="space-y-1" role="status">
                <progress aria-label="Upload progress" max={1} value={progress} className="h-2 w-full overflow-hidden rounded accent-brand-600" />
                <p className="text-xs text-slate-500">{progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : "Converting to phone audio…"}</p>
              </div>
            )}
            <Button type="submit" busy={progress !== null}>
              Upload prompt
            </Button>
          </form>
        </Card>
      </div>
      <RenameDialog noun="prompt" item={renaming} path={(id) => `/prompts/${id}`} onClose={() => setRenaming(null)} onRenamed={list.reload} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete prompt"
        confirmLabel="Delete prompt"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api(`/prompts/${deleting?.id}`, { method: "DELETE" });
          await list.reload();
        }}
      >
        Delete <strong className="text-slate-900">{deleting?.name}</strong>? A prompt that an IVR flow plays cannot be deleted until the flow uses another one.
      </ConfirmDialog>
    </>
  );
}
