import { route } from "@/server/http/route";
import { webhookUpdate } from "@/server/services/webhooks/schemas";

export const GET = route({ access: "admin" }, (s, { ctx, id }) => s.webhooks.get({ ctx, input: { id } }));
export const PATCH = route({ access: "admin", body: webhookUpdate }, (s, { ctx, id, body }) => s.webhooks.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.webhooks.remove({ ctx, input: { id } }));
