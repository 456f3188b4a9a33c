import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import { clientIp } from "./route";

const MINUTE = 60_000;

/** Signup: N an hour per address. Login: N a minute per address and N a minute per email. */
export async function limitSignup(rt: Runtime, req: Request): Promise<void> {
  if (!(await rt.deps.rateLimiter.hit(`signup:${clientIp(req)}`, rt.limits.signupPerHour, 60 * MINUTE))) {
    throw new AppError("rate_limited", "Too many signups from this address. Try again in an hour.");
  }
}

export async function limitLogin(rt: Runtime, req: Request, email: string): Promise<void> {
  const limit = rt.limits.loginPerMinute;
  const byIp = await rt.deps.rateLimiter.hit(`login-ip:${clientIp(req)}`, limit, MINUTE);
  const byEmail = await rt.deps.rateLimiter.hit(`login-email:${email}`, limit, MINUTE);
  if (!byIp || !byEmail) throw new AppError("rate_limited", "Too many sign-in attempts. Wait a minute and try again.");
}
