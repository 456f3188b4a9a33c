import { parseWith } from "@/server/http/body";
import { route } from "@/server/http/route";
import { ticketCreate, ticketQuery } from "@/server/services/tickets/schemas";

export const GET = route({ access: "member" }, (s, { ctx, req }) => s.tickets.list({ ctx, input: parseWith(ticketQuery, Object.fromEntries(new URL(req.url).searchParams)) }));
export const POST = route({ access: "member", body: ticketCreate, status: 201 }, (s, { ctx, body }) => s.tickets.create({ ctx, input: body }));
