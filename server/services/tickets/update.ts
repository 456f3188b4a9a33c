import { and, eq } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { checkTicketRefs, getTicketInTenant, toTicketOut } from "./internal";
import { AppError } from "../../errors";
import { getCallInTenant } from "../calls/internal";
import { appendCallNote } from "./call-note";
import { DESCRIPTION_MAX, type TicketUpdate } from "./schemas";
import { emitEvent } from "../../webhooks/emit";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: TicketUpdate } }) {
  return inTransaction(ctx, async (ctx) => {
    const { appendCallNotes, ...patch } = input.patch;
    const existing = await getTicketInTenant(ctx, input.id, { forUpdate: appendCallNotes !== undefined });
    await checkTicketRefs(ctx, patch);
    const set: typeof patch = { ...patch };
    if (appendCallNotes) {
      const call = await getCallInTenant(ctx, appendCallNotes.callId);
      set.description = appendCallNote(existing.description, { id: call.id, at: (call.answeredAt ?? call.startedAt).toISOString() }, appendCallNotes.notes);
      if (set.description.length > DESCRIPTION_MAX) throw new AppError("validation_failed", `appendCallNotes: the ticket's description would pass ${DESCRIPTION_MAX.toLocaleString("en-US")} characters`);
      if (!existing.callId && patch.callId === undefined) set.callId = call.id;
    }
    const [row] = await ctx.tx
      .update(tickets)
      .set({ ...set, updatedAt: ctx.deps.now() })
      .where(and(eq(tickets.tenantId, ctx.tenantId), eq(tickets.id, existing.id)))
      .returning();
    if (!row) throw new Error("ticket update returned nothing");
    await recordAudit(ctx, { action: "ticket.update", entityId: row.id, data: { ...patch, ...(appendCallNotes ? { appendedCallNotes: appendCallNotes.callId } : {}) } });
    return emitEvent(ctx, "ticket.updated", await toTicketOut(ctx, row));
  });
}
