import { ApiError, redirectToLogin } from "../../../_lib/api";

export const MAX_PROMPT_BYTES = 10 * 1024 * 1024;

/**
 * POSTs the multipart upload with XMLHttpRequest (fetch cannot report upload progress);
 * `onProgress` gets 0..1 as the file goes up. Errors are ApiErrors with the API's message.
 */
export function uploadPrompt(form: FormData, onProgress: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/prompts");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let err: { code?: string; message?: string } | undefined;
      try {
        err = (JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } }).error;
      } catch {
        /* not JSON (a proxy's page): fall back to the status */
      }
      if (xhr.status === 401) redirectToLogin();
      reject(new ApiError(err?.message ?? `Upload failed (HTTP ${xhr.status})`, xhr.status, err?.code ?? "unknown"));
    };
    xhr.onerror = () => reject(new ApiError("Could not reach Hotline. Check your connection and try again.", 0, "network"));
    xhr.send(form);
  });
}

/** "0:07", "2:30": minutes and seconds, at least one second. */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
