import { route } from "@/server/http/route";

export const POST = route({ access: "admin", status: 202 }, (s, { ctx, id }) => s.webhooks.sendTest({ ctx, input: { id } }));
