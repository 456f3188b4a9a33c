import { route } from "@/server/http/route";
import { skillUpdate } from "@/server/services/skills/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.skills.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: skillUpdate }, (s, { ctx, id, body }) =>
  s.skills.update({ ctx, input: { id, patch: body } }),
);
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.skills.remove({ ctx, input: { id } }));
