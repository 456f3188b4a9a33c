import { route } from "@/server/http/route";
import { queueCreate } from "@/server/services/queues/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.queues.list({ ctx }));
export const POST = route({ access: "admin", body: queueCreate, status: 201 }, (s, { ctx, body }) => s.queues.create({ ctx, input: body }));
