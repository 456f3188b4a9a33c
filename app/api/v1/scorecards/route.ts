import { route } from "@/server/http/route";
import { scorecardCreate } from "@/server/services/quality/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.quality.scorecards.list({ ctx }));
export const POST = route({ access: "admin", body: scorecardCreate, status: 201 }, (s, { ctx, body }) => s.quality.scorecards.create({ ctx, input: body }));
