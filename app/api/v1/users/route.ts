import { route } from "@/server/http/route";
import { userCreate } from "@/server/services/users/schemas";

export const GET = route({ access: "supervisor" }, (s, { ctx }) => s.users.list({ ctx }));
export const POST = route({ access: "admin", body: userCreate, status: 201 }, (s, { ctx, body }) => s.users.create({ ctx, input: body }));
