import { route } from "@/server/http/route";
import { dispositionInput } from "@/server/services/dispositions/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.dispositions.list({ ctx }));
export const POST = route({ access: "admin", body: dispositionInput, status: 201 }, (s, { ctx, body }) => s.dispositions.create({ ctx, input: body }));
