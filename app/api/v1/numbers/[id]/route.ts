import { route } from "@/server/http/route";
import { numberUpdate } from "@/server/services/numbers/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.numbers.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: numberUpdate }, (s, { ctx, id, body }) => s.numbers.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.numbers.remove({ ctx, input: { id } }));
