import { route } from "@/server/http/route";
import { webhookCreate } from "@/server/services/webhooks/schemas";

export const GET = route({ access: "admin" }, (s, { ctx }) => s.webhooks.list({ ctx }));
export const POST = route({ access: "admin", body: webhookCreate, status: 201 }, (s, { ctx, body }) => s.webhooks.create({ ctx, input: body }));
