import type { AgentReport, QueueReport } from "./schemas";

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text that a
 * spreadsheet would run as a formula (=, +, -, @, tab or CR first: a queue or agent name is
 * anyone's input) is prefixed with an apostrophe, as OWASP advises.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const lines = (header: string[], rows: Array<Array<string | number | null>>) => [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";

export function queueReportCsv(r: QueueReport): string {
  return lines(
    ["interval", "queue", "offered", "answered", "answered_within_threshold", "service_level", "abandoned", "abandon_rate", "asa_sec", "aht_sec", "longest_wait_sec"],
    r.rows.map((x) => [x.bucket, x.queueName, x.offered, x.answered, x.answeredWithinThreshold, x.serviceLevel, x.abandoned, x.abandonRate, x.asaSec, x.ahtSec, x.longestWaitSec]),
  );
}

export function agentReportCsv(r: AgentReport): string {
  return lines(
    ["interval", "agent", "handled", "outbound", "talk_sec", "hold_sec", "wrap_up_sec", "aht_sec", "offers", "missed", "declined"],
    r.rows.map((x) => [x.bucket, x.name, x.handled, x.outbound, x.talkSec, x.holdSec, x.wrapUpSec, x.ahtSec, x.offers, x.missed, x.declined]),
  );
}
