import { tickets } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { checkTicketRefs, toTicketOut } from "./internal";
import type { TicketCreate } from "./schemas";
import { emitEvent } from "../../webhooks/emit";

export async function create({ ctx, input }: { ctx: Ctx; input: TicketCreate }) {
  return inTransaction(ctx, async (ctx) => {
    await checkTicketRefs(ctx, input);
    const [row] = await ctx.tx.insert(tickets).values({ tenantId: ctx.tenantId, ...input }).returning();
    if (!row) throw new Error("ticket insert returned nothing");
    await recordAudit(ctx, { action: "ticket.create", entityId: row.id, data: { subject: row.subject, callId: row.callId } });
    return emitEvent(ctx, "ticket.created", await toTicketOut(ctx, row));
  });
}
