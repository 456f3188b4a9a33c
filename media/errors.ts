/** The one error the media plane throws to its callers; `code` is stable, `message` is for logs. */
export type MediaErrorCode =
  | "bad_parameter"
  | "bad_state"
  | "codec_mismatch"
  | "call_ended"
  | "no_worker"
  | "media_failure";

export class MediaError extends Error {
  override readonly name = "MediaError";
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Wrap anything mediasoup throws so callers see one error type. */
export function toMediaError(err: unknown, what: string): MediaError {
  if (err instanceof MediaError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new MediaError("media_failure", `${what} failed: ${detail}`, { cause: err });
}
