import { route } from "@/server/http/route";

export const GET = route({ access: "member" }, (s, { ctx }) => s.agents.list({ ctx }));
