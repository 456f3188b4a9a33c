/**
 * The process's log lines, with PII masked before they are written (phone numbers, cards,
 * e-mail addresses: see privacy/mask.ts). Errors are printed with their stack; a database
 * error's detail ("Key (phone)=(+33...) already exists") goes through the same mask.
 */
import { inspect } from "node:util";
import { maskForLog } from "./privacy/mask";

const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) + detail(e) : typeof e === "string" ? e : inspect(e, { depth: 3, breakLength: Infinity }));
const detail = (e: Error) => {
  const d = (e as { detail?: unknown }).detail;
  return typeof d === "string" && d ? `\n  detail: ${d}` : "";
};

/** Writes `[scope] message` (and the error, if any) to stderr, masked. */
export function logError(scope: string, message: string, error?: unknown): void {
  console.error(maskForLog(`[${scope}] ${message}${error === undefined || error === "" ? "" : `: ${describe(error)}`}`));
}

/** Writes an informational line to stdout, masked. */
export function logInfo(message: string): void {
  console.log(maskForLog(message));
}
