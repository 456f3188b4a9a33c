import { route } from "@/server/http/route";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.calls.get({ ctx, input: { id } }));
