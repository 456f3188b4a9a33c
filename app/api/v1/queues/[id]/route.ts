import { route } from "@/server/http/route";
import { queueUpdate } from "@/server/services/queues/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.queues.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: queueUpdate }, (s, { ctx, id, body }) => s.queues.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.queues.remove({ ctx, input: { id } }));
