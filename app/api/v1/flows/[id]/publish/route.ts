import { route } from "@/server/http/route";

export const POST = route({ access: "admin" }, (s, { ctx, id }) => s.flows.publish({ ctx, input: { id } }));
