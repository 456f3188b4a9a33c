import { route } from "@/server/http/route";
import { hoursUpdate } from "@/server/services/hours/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.hours.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: hoursUpdate }, (s, { ctx, id, body }) => s.hours.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.hours.remove({ ctx, input: { id } }));
