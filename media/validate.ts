/** Checks on parameters that come from SDP or callers, each failing with a clear MediaError. */
import { isIP } from "node:net";
import { MediaError } from "./errors";

export function checkIp(value: unknown, what: string): string {
  if (typeof value !== "string" || isIP(value) === 0) {
    throw new MediaError("bad_parameter", `${what} must be an IPv4 or IPv6 address, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function checkPort(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new MediaError("bad_parameter", `${what} must be an integer port from 1 to 65535, got ${String(value)}`);
  }
  return value;
}

export function checkSsrc(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 0xffffffff) {
    throw new MediaError("bad_parameter", `ssrc must be an integer from 1 to 4294967295, got ${String(value)}`);
  }
  return value;
}

export function checkCallId(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 200) {
    throw new MediaError("bad_parameter", "callId must be a non-empty string of at most 200 characters");
  }
  return value;
}
