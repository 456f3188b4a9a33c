import { route } from "@/server/http/route";
import { userUpdate } from "@/server/services/users/schemas";

export const GET = route({ access: "supervisor" }, (s, { ctx, id }) => s.users.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: userUpdate }, (s, { ctx, id, body }) => s.users.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.users.remove({ ctx, input: { id } }));
