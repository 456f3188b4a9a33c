import { route } from "@/server/http/route";
import { trunkUpdate } from "@/server/services/trunks/schemas";

export const GET = route({ access: "admin" }, (s, { ctx, id }) => s.trunks.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: trunkUpdate }, (s, { ctx, id, body }) => s.trunks.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.trunks.remove({ ctx, input: { id } }));
