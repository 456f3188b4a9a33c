import { limitSignup } from "@/server/http/rate-limits";
import { route } from "@/server/http/route";
import { withSession } from "@/server/http/session-response";
import { signupInput } from "@/server/services/auth/schemas";

export const POST = route({ access: "public", body: signupInput }, async (s, { rt, req, body }) => {
  await limitSignup(rt, req);
  const { session, ...out } = await s.auth.signup({ deps: rt.deps, input: body });
  return withSession(rt, out, session, 201);
});
