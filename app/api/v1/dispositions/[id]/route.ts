import { route } from "@/server/http/route";
import { dispositionInput } from "@/server/services/dispositions/schemas";

export const PATCH = route({ access: "admin", body: dispositionInput }, (s, { ctx, id, body }) => s.dispositions.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.dispositions.remove({ ctx, input: { id } }));
