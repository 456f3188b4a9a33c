import { and, eq, inArray } from "drizzle-orm";
import { calls, contacts, tickets, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import type { TicketOut, TicketUpdate } from "./schemas";

export type TicketRow = typeof tickets.$inferSelect;

export async function getTicketInTenant(ctx: Ctx, unverifiedId: string, opts: { forUpdate?: boolean } = {}): Promise<TicketRow> {
  const q = exec(ctx)
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, ctx.tenantId), eq(tickets.id, unverifiedId)));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound("Ticket");
  return row;
}

/** Contact, assignee and call named by the client must be this tenant's. */
export async function checkTicketRefs(ctx: Ctx, refs: Pick<TicketUpdate, "contactId" | "assigneeId" | "callId">): Promise<void> {
  const check = async (table: typeof contacts | typeof users | typeof calls, id: string | null | undefined, field: string) => {
    if (!id) return;
    const [row] = await exec(ctx)
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, id)));
    if (!row) throw new AppError("validation_failed", `${field}: no such ${field.replace("Id", "")}`, { field });
  };
  await check(contacts, refs.contactId, "contactId");
  await check(users, refs.assigneeId, "assigneeId");
  await check(calls, refs.callId, "callId");
}

export async function toTicketsOut(ctx: Ctx, rows: TicketRow[]): Promise<TicketOut[]> {
  const ids = (pick: (t: TicketRow) => string | null) => [...new Set(rows.map(pick).filter((x): x is string => x !== null))];
  const contactIds = ids((t) => t.contactId);
  const userIds = ids((t) => t.assigneeId);
  const names = new Map<string, string>();
  if (contactIds.length) for (const c of await exec(ctx).select({ id: contacts.id, name: contacts.name }).from(contacts).where(and(eq(contacts.tenantId, ctx.tenantId), inArray(contacts.id, contactIds)))) names.set(c.id, c.name);
  if (userIds.length) for (const u of await exec(ctx).select({ id: users.id, name: users.name }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, userIds)))) names.set(u.id, u.name);
  const ref = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id) as string } : null);
  return rows.map((t) => ({
    id: t.id,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    contact: ref(t.contactId),
    assignee: ref(t.assigneeId),
    callId: t.callId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  }));
}

export async function toTicketOut(ctx: Ctx, row: TicketRow): Promise<TicketOut> {
  const [out] = await toTicketsOut(ctx, [row]);
  if (!out) throw new Error("ticket output missing");
  return out;
}
