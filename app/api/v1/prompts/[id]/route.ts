import { route } from "@/server/http/route";
import { promptRename } from "@/server/services/prompts/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.prompts.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: promptRename }, (s, { ctx, id, body }) => s.prompts.rename({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.prompts.remove({ ctx, input: { id } }));
