import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import { clientIp } from "./route";

const MINUTE = 60_000;

/** Signup: 5 an hour per address. Login: 10 a minute per address and 10 a minute per email. */
export async function limitSignup(rt: Runtime, req: Request): Promise<void> {
  if (!(await rt.deps.rateLimiter.hit(`signup:${clientIp(req)}`, 5, 60 * MINUTE))) {
    throw new AppError("rate_limited", "Too many signups from this address. Try again in an hour.");
  }
}

export async function limitLogin(rt: Runtime, req: Request, email: string): Promise<void> {
  const byIp = await rt.deps.rateLimiter.hit(`login-ip:${clientIp(req)}`, 10, MINUTE);
  const byEmail = await rt.deps.rateLimiter.hit(`login-email:${email}`, 10, MINUTE);
  if (!byIp || !byEmail) throw new AppError("rate_limited", "Too many sign-in attempts. Wait a minute and try again.");
}
