/**
 * Reads an INVITE needs before any tenant is known: which trunks an address belongs to and
 * whose number was dialled. The only queries that are not scoped to one tenant, on purpose.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { numbers, trunks } from "@/db/schema";
import { addressMatches } from "./addresses";

export type TrunkRow = typeof trunks.$inferSelect;
export type NumberRow = typeof numbers.$inferSelect;

export async function findNumber(db: Db, number: string): Promise<NumberRow | undefined> {
  const [row] = await db.select().from(numbers).where(eq(numbers.number, number));
  return row;
}

export async function trunksOfTenant(db: Db, tenantId: string): Promise<TrunkRow[]> {
  return db.select().from(trunks).where(eq(trunks.tenantId, tenantId));
}

/** Any tenant's trunks that allow this source address. */
export async function trunksAllowing(db: Db, ip: string): Promise<TrunkRow[]> {
  // Trunks are few per tenant; matching CIDRs in SQL buys little over this scan until it shows in a profile.
  const all = await db.select().from(trunks);
  return all.filter((t) => t.inboundAddresses.some((a) => addressMatches(ip, a)));
}

/** Dialled digits to E.164: "+1415...", "1415..." and "tel"-style users all become "+1415...". */
export function toE164(user: string): string | null {
  const digits = user.replace(/[\s().-]/g, "");
  if (/^\+[1-9]\d{6,14}$/.test(digits)) return digits;
  if (/^[1-9]\d{6,14}$/.test(digits)) return `+${digits}`;
  return null;
}
