import { parseWith } from "@/server/http/body";
import { route } from "@/server/http/route";
import { lookupQuery } from "@/server/services/contacts/schemas";

/** The screen pop for a caller's number: contact (created on the fly), past calls, open tickets. */
export const GET = route({ access: "member" }, (s, { ctx, req }) => s.contacts.screenPop({ ctx, input: parseWith(lookupQuery, Object.fromEntries(new URL(req.url).searchParams)) }));
