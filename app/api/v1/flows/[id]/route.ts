import { route } from "@/server/http/route";
import { flowUpdate } from "@/server/services/flows/schemas";

export const GET = route({ access: "admin" }, (s, { ctx, id }) => s.flows.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: flowUpdate }, (s, { ctx, id, body }) => s.flows.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.flows.remove({ ctx, input: { id } }));
