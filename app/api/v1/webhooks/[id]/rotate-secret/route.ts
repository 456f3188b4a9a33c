import { route } from "@/server/http/route";

export const POST = route({ access: "admin" }, (s, { ctx, id }) => s.webhooks.rotateSecret({ ctx, input: { id } }));
