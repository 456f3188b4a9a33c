import { and, eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import type { ContactOut } from "./schemas";

export type ContactRow = typeof contacts.$inferSelect;

export async function getContactInTenant(ctx: Ctx, unverifiedId: string): Promise<ContactRow> {
  const [row] = await exec(ctx)
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.id, unverifiedId)));
  if (!row) throw notFound("Contact");
  return row;
}

export const phoneTaken = (phone: string) => new AppError("conflict", `Another contact already has the number ${phone}`);

export const toContactOut = (c: ContactRow): ContactOut => ({
  id: c.id,
  name: c.name,
  phone: c.phone,
  email: c.email,
  tier: c.tier,
  notes: c.notes,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/**
 * The contact with this number, created (named after the number) when there is none. A
 * concurrent creation is absorbed by ON CONFLICT, so an enclosing transaction stays usable.
 */
export async function findOrCreateContactByPhone(ctx: Ctx, phone: string): Promise<ContactRow> {
  const find = async () => (await exec(ctx).select().from(contacts).where(and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.phone, phone))))[0];
  const found = await find();
  if (found) return found;
  const [row] = await exec(ctx)
    .insert(contacts)
    .values({ tenantId: ctx.tenantId, name: phone, phone })
    .onConflictDoNothing({ target: [contacts.tenantId, contacts.phone] })
    .returning();
  const out = row ?? (await find());
  if (!out) throw new Error("contact vanished");
  return out;
}
