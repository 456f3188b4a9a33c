import { AppError } from "../errors";
import type { Runtime } from "../runtime";

/**
 * CSRF defence for cookie-authenticated mutations: browsers send Origin on every non-GET request,
 * so it must be present and be this site (its Host) or a configured public URL.
 */
export function checkOrigin(rt: Pick<Runtime, "trustedOrigins">, req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin) throw new AppError("csrf_failed", "Missing Origin header on a cookie-authenticated request");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("csrf_failed", "Malformed Origin header");
  }
  if (host && originHost === host) return;
  if (rt.trustedOrigins.includes(origin)) return;
  throw new AppError("csrf_failed", "Cross-site request refused");
}
