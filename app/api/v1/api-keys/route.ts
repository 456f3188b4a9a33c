import { route } from "@/server/http/route";
import { apiKeyCreate } from "@/server/services/api-keys/schemas";

export const GET = route({ access: "admin" }, (s, { ctx }) => s.apiKeys.list({ ctx }));
export const POST = route({ access: "admin", body: apiKeyCreate, status: 201 }, (s, { ctx, body }) => s.apiKeys.create({ ctx, input: body }));
