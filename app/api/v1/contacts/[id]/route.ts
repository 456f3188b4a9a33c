import { route } from "@/server/http/route";
import { contactUpdate } from "@/server/services/contacts/schemas";

export const GET = route({ access: "member" }, (s, { ctx, id }) => s.contacts.get({ ctx, input: { id } }));
export const PATCH = route({ access: "member", body: contactUpdate }, (s, { ctx, id, body }) => s.contacts.update({ ctx, input: { id, patch: body } }));
export const DELETE = route({ access: "admin" }, (s, { ctx, id }) => s.contacts.remove({ ctx, input: { id } }));
