import { and, desc, eq, ne, or } from "drizzle-orm";
import { calls, dispositions, tickets, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { crmLookup } from "../../webhooks/crm-lookup";
import { findOrCreateContactByPhone, toContactOut } from "./internal";

/**
 * What pops up when a call is offered: the caller's contact (made on the fly), past calls, open
 * tickets, and the tenant's CRM record of the number when a webhook answers contact.lookup.
 */
export async function screenPop({ ctx, input }: { ctx: Ctx; input: { phone: string } }) {
  const crm = crmLookup(ctx, input.phone).catch(() => null);
  const contact = await findOrCreateContactByPhone(ctx, input.phone);
  const db = exec(ctx);
  const past = await db
    .select({ call: calls, agentName: users.name, dispositionName: dispositions.name })
    .from(calls)
    .leftJoin(users, and(eq(users.id, calls.agentId), eq(users.tenantId, calls.tenantId)))
    .leftJoin(dispositions, and(eq(dispositions.id, calls.dispositionId), eq(dispositions.tenantId, calls.tenantId)))
    .where(and(eq(calls.tenantId, ctx.tenantId), or(eq(calls.contactId, contact.id), eq(calls.fromNumber, input.phone))))
    .orderBy(desc(calls.startedAt))
    .limit(10);
  const open = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, ctx.tenantId), eq(tickets.contactId, contact.id), ne(tickets.status, "closed")))
    .orderBy(desc(tickets.updatedAt))
    .limit(20);
  return {
    contact: toContactOut(contact),
    pastCalls: past.map(({ call, agentName, dispositionName }) => ({
      id: call.id,
      direction: call.direction,
      startedAt: call.startedAt.toISOString(),
      endedAt: call.endedAt?.toISOString() ?? null,
      agentId: call.agentId,
      agentName,
      dispositionName,
      /** The same name under the key the agent workspace's past-calls table reads. */
      disposition: dispositionName,
      notes: call.notes,
    })),
    openTickets: open.map((t) => ({ id: t.id, subject: t.subject, status: t.status, priority: t.priority, createdAt: t.createdAt.toISOString() })),
    crm: await crm,
  };
}
