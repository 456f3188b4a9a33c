import { route } from "@/server/http/route";
import { numberCreate } from "@/server/services/numbers/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.numbers.list({ ctx }));
export const POST = route({ access: "admin", body: numberCreate, status: 201 }, (s, { ctx, body }) => s.numbers.create({ ctx, input: body }));
