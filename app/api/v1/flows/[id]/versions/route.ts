import { route } from "@/server/http/route";

export const GET = route({ access: "admin" }, (s, { ctx, id }) => s.flows.versions({ ctx, input: { id } }));
