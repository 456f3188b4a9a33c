import { route } from "@/server/http/route";
import { stateInput } from "@/server/services/agents/schemas";

export const PUT = route({ access: "supervisor", body: stateInput }, (s, { ctx, id, body }) => s.agents.forceState({ ctx, input: { ...body, userId: id } }));
