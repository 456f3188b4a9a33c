import { SocketError } from "@/app/_lib/socket";

/** Words for the agent when the call's audio cannot start. */
export function mediaErrorMessage(e: unknown): string {
  if (e instanceof DOMException || (e instanceof Error && /^(NotAllowed|Security|NotFound|NotReadable|Overconstrained)Error$/.test(e.name))) {
    const name = (e as Error).name;
    if (name === "NotAllowedError" || name === "SecurityError") return "Allow the microphone to take calls (click the lock icon in the address bar).";
    if (name === "NotFoundError" || name === "OverconstrainedError") return "No microphone found. Plug one in to take calls.";
    if (name === "NotReadableError") return "The microphone is in use by another app. Close it and try again.";
  }
  if (e instanceof SocketError) return `Call audio could not start: ${e.message}`;
  if (typeof navigator !== "undefined" && !navigator.mediaDevices) return "This page needs a secure connection (https) to use the microphone.";
  return `Call audio could not start: ${e instanceof Error ? e.message : "unknown error"}`;
}
