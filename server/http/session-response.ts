import type { Runtime } from "../runtime";
import { sessionCookie } from "./cookies";

/** A JSON response that also sets the session cookie. */
export function withSession(
  rt: Runtime,
  body: unknown,
  session: { token: string; expiresAt: Date },
  status = 200,
): Response {
  return Response.json(body, {
    status,
    headers: { "set-cookie": sessionCookie(session.token, session.expiresAt, rt.secureCookies) },
  });
}
