import { and, asc, eq, ilike, or } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toContactOut } from "./internal";

/** LIKE wildcards in what the user typed are literal. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => "\\" + ch);

/** Up to 50 contacts, by name; `q` searches name, number and email. */
export async function list({ ctx, input }: { ctx: Ctx; input: { q?: string } }) {
  const like = input.q ? `%${escapeLike(input.q)}%` : null;
  const rows = await exec(ctx)
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, ctx.tenantId), like ? or(ilike(contacts.name, like), ilike(contacts.phone, like), ilike(contacts.email, like)) : undefined))
    .orderBy(asc(contacts.name))
    .limit(50);
  return rows.map(toContactOut);
}
