import { and, eq } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getTicketInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getTicketInTenant(ctx, input.id);
    await ctx.tx.delete(tickets).where(and(eq(tickets.tenantId, ctx.tenantId), eq(tickets.id, existing.id)));
    await recordAudit(ctx, { action: "ticket.delete", entityId: existing.id, data: { subject: existing.subject } });
  });
}
