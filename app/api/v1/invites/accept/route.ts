import { route } from "@/server/http/route";
import { withSession } from "@/server/http/session-response";
import { inviteAccept } from "@/server/services/users/schemas";

export const POST = route({ access: "public", body: inviteAccept }, async (s, { rt, body }) => {
  const { session, ...out } = await s.users.acceptInvite({ deps: rt.deps, input: body });
  return withSession(rt, out, session);
});
