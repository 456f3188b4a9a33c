import { route } from "@/server/http/route";
import { evaluationInput } from "@/server/services/quality/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.quality.forCall({ ctx, input: { callId: id } }));
export const POST = route({ access: "supervisor", body: evaluationInput, status: 201 }, (s, { ctx, id, body }) => s.quality.evaluate({ ctx, input: { callId: id, ...body } }));
