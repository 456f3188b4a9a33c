import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contacts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, isUniqueViolation, notFound } from "../../errors";
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

/** The contact with this number, created (named after the number) when there is none. */
export async function findOrCreateContactByPhone(ctx: Ctx, phone: string): Promise<ContactRow> {
  const find = async (db: Executor) => (await db.select().from(contacts).where(and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.phone, phone))))[0];
  const found = await find(exec(ctx));
  if (found) return found;
  try {
    const [row] = await exec(ctx).insert(contacts).values({ tenantId: ctx.tenantId, name: phone, phone }).returning();
    if (row) return row;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // created meanwhile by another call: read it
  }
  const again = await find(exec(ctx));
  if (!again) throw new Error("contact vanished");
  return again;
}
