import { route } from "@/server/http/route";
import { wrapUpInput } from "@/server/services/calls/schemas";

export const POST = route({ access: "member", body: wrapUpInput }, async (s, { ctx, id, body }) => {
  await s.calls.wrapUp({ ctx, input: { callId: id, ...body } });
  return s.calls.get({ ctx, input: { id } });
});
