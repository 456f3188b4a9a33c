import { route } from "@/server/http/route";
import { trunkCreate } from "@/server/services/trunks/schemas";

export const GET = route({ access: "admin" }, (s, { ctx }) => s.trunks.list({ ctx }));
export const POST = route({ access: "admin", body: trunkCreate, status: 201 }, (s, { ctx, body }) => s.trunks.create({ ctx, input: body }));
