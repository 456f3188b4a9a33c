import { AppError } from "@/server/errors";
import { SESSION_COOKIE, clearedSessionCookie, parseCookies } from "@/server/http/cookies";
import { limitLogin } from "@/server/http/rate-limits";
import { route } from "@/server/http/route";
import { withSession } from "@/server/http/session-response";
import { loginInput } from "@/server/services/auth/schemas";

export const POST = route({ access: "public", body: loginInput }, async (s, { rt, req, body }) => {
  await limitLogin(rt, req, body.email);
  const { session, ...out } = await s.auth.login({ deps: rt.deps, input: body });
  return withSession(rt, out, session);
});

export const GET = route({ access: "member" }, async (_s, { auth }) => {
  if (!auth.user || !auth.tenant) throw new AppError("bad_request", "API keys have no session; this is for signed-in users");
  return { user: auth.user, tenant: auth.tenant };
});

export const DELETE = route({ access: "public" }, async (s, { rt, req }) => {
  const token = parseCookies(req.headers.get("cookie"))[SESSION_COOKIE];
  if (token) await s.auth.logout({ deps: rt.deps, input: { token } });
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(rt.secureCookies) } });
});
