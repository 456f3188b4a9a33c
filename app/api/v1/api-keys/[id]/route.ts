import { route } from "@/server/http/route";

export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.apiKeys.remove({ ctx, input: { id } }));
