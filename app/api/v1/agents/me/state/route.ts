import { route } from "@/server/http/route";
import { stateInput } from "@/server/services/agents/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.agents.getState({ ctx }));
export const PUT = route({ access: "member", body: stateInput }, (s, { ctx, body }) => s.agents.setState({ ctx, input: body }));
