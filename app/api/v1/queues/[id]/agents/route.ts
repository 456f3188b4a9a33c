import { route } from "@/server/http/route";
import { memberInput } from "@/server/services/queues/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.queues.listAgents({ ctx, input: { id } }));

export const POST = route({ access: "admin", body: memberInput }, async (s, { ctx, id, body }) => {
  const { member, created } = await s.queues.addAgent({ ctx, input: { id, userId: body.userId } });
  return Response.json(member, { status: created ? 201 : 200 });
});

export const DELETE = route({ access: "admin", body: memberInput }, (s, { ctx, id, body }) =>
  s.queues.removeAgent({ ctx, input: { id, userId: body.userId } }),
);
