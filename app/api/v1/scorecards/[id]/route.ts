import { route } from "@/server/http/route";
import { scorecardUpdate } from "@/server/services/quality/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.quality.scorecards.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: scorecardUpdate }, (s, { ctx, id, body }) => s.quality.scorecards.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.quality.scorecards.remove({ ctx, input: { id } }));
