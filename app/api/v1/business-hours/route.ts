import { route } from "@/server/http/route";
import { hoursCreate } from "@/server/services/hours/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.hours.list({ ctx }));
export const POST = route({ access: "admin", body: hoursCreate, status: 201 }, (s, { ctx, body }) => s.hours.create({ ctx, input: body }));
