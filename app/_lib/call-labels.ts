import type { CallSummary } from "./types";

export const CALL_STATE: Record<CallSummary["state"], { label: string; tone: "gray" | "blue" | "green" | "amber" | "red" }> = {
  ringing: { label: "Ringing", tone: "amber" },
  queued: { label: "Waiting", tone: "amber" },
  offering: { label: "Offered", tone: "blue" },
  in_call: { label: "In call", tone: "green" },
  voicemail: { label: "Leaving a message", tone: "blue" },
  ended: { label: "Ended", tone: "gray" },
};

const REASONS: Record<string, string> = {
  caller_hangup: "Caller hung up",
  agent_hangup: "Agent hung up",
  abandoned: "Abandoned while waiting",
  cancelled: "Caller gave up before answer",
  rtp_timeout: "No audio for 60 s",
  media_worker_died: "Media failure",
  node_restarted: "Server restarted",
  node_lost: "Server lost",
  media_lost: "Audio lost",
  shutdown: "Server stopped",
  voicemail: "Left a voicemail",
  callback_requested: "Callback requested",
  max_wait: "Waited too long",
  busy: "Busy",
  no_answer: "No answer",
  rejected: "Rejected",
  unreachable: "Unreachable",
};

export const endReasonLabel = (r: string | null) => (r ? (REASONS[r] ?? r.replaceAll("_", " ")) : "—");

export function duration(fromIso: string | null, toIso: string | null): string {
  if (!fromIso) return "—";
  const sec = Math.max(0, Math.round(((toIso ? Date.parse(toIso) : Date.now()) - Date.parse(fromIso)) / 1000));
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, "0")}`;
}
