import { route } from "@/server/http/route";
import { flowCreate } from "@/server/services/flows/schemas";

export const GET = route({ access: "admin" }, (s, { ctx }) => s.flows.list({ ctx }));
export const POST = route({ access: "admin", body: flowCreate, status: 201 }, (s, { ctx, body }) => s.flows.create({ ctx, input: body }));
