import { and, eq } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { checkTicketRefs, getTicketInTenant, toTicketOut } from "./internal";
import type { TicketUpdate } from "./schemas";
import { emitEvent } from "../../webhooks/emit";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: TicketUpdate } }) {
  return inTransaction(ctx, async (ctx) => {
    const existing = await getTicketInTenant(ctx, input.id);
    await checkTicketRefs(ctx, input.patch);
    const [row] = await ctx.tx
      .update(tickets)
      .set({ ...input.patch, updatedAt: ctx.deps.now() })
      .where(and(eq(tickets.tenantId, ctx.tenantId), eq(tickets.id, existing.id)))
      .returning();
    if (!row) throw new Error("ticket update returned nothing");
    await recordAudit(ctx, { action: "ticket.update", entityId: row.id, data: { ...input.patch } });
    return emitEvent(ctx, "ticket.updated", await toTicketOut(ctx, row));
  });
}
