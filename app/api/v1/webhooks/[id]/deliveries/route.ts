import { route } from "@/server/http/route";

export const GET = route({ access: "admin" }, (s, { ctx, id }) => s.webhooks.listDeliveries({ ctx, input: { id } }));
