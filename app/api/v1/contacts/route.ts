import { parseWith } from "@/server/http/body";
import { route } from "@/server/http/route";
import { contactCreate, contactQuery } from "@/server/services/contacts/schemas";

export const GET = route({ access: "member" }, (s, { ctx, req }) => s.contacts.list({ ctx, input: parseWith(contactQuery, Object.fromEntries(new URL(req.url).searchParams)) }));
export const POST = route({ access: "member", body: contactCreate, status: 201 }, (s, { ctx, body }) => s.contacts.create({ ctx, input: body }));
