import { safeNext } from "./api";
import type { Role } from "./types";

/** Where a user lands after signing in: the page they were sent away from, else by role. */
export function homeFor(role: Role): string {
  const next = safeNext(new URLSearchParams(window.location.search).get("next"));
  if (next) return next;
  return role === "admin" ? "/admin" : "/agent";
}
