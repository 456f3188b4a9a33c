import { route } from "@/server/http/route";
import { skillCreate } from "@/server/services/skills/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.skills.list({ ctx }));
export const POST = route({ access: "admin", body: skillCreate, status: 201 }, (s, { ctx, body }) =>
  s.skills.create({ ctx, input: body }),
);
