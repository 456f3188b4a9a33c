import { route } from "@/server/http/route";
import { ticketUpdate } from "@/server/services/tickets/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.tickets.get({ ctx, input: { id } }));
export const PATCH = route({ access: "member", body: ticketUpdate }, (s, { ctx, id, body }) => s.tickets.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.tickets.remove({ ctx, input: { id } }));
