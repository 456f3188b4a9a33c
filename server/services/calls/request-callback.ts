import { and, eq } from "drizzle-orm";
import { callEvents, tickets } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { findOrCreateContactByPhone } from "../contacts/internal";
import { addCallEvent, getCallInTenant } from "./internal";

/** Why the caller is to be called back: their queue's maximum wait ran out, or they chose it in the IVR. */
export type CallbackReason = { why: "max_wait"; queueName: string; maxWaitSec: number } | { why: "ivr" };

const E164 = /^\+[1-9]\d{6,14}$/;
const duration = (sec: number) => (sec % 60 === 0 ? `${sec / 60} minute${sec === 60 ? "" : "s"}` : `${sec} seconds`);

function description(reason: CallbackReason, fromNumber: string): string {
  const back = `Call them back at ${fromNumber}.`;
  if (reason.why === "ivr") return `The caller chose a callback in the IVR instead of waiting for an agent. ${back}`;
  return `The caller waited in the ${reason.queueName} queue past its maximum wait (${duration(reason.maxWaitSec)}); the queue offers a callback then, so the call ended. ${back}`;
}

/**
 * An open, high-priority ticket asks an agent to call the caller back (with their contact, made
 * from the number when the call has none yet, and the call), recorded on the call's timeline.
 * Once per call: asked again (a second max-wait sweep), it returns the first ticket.
 */
export async function requestCallback({ ctx, input }: { ctx: Ctx; input: { callId: string } & CallbackReason }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    const [earlier] = await ctx.tx
      .select({ data: callEvents.data })
      .from(callEvents)
      .where(and(eq(callEvents.tenantId, ctx.tenantId), eq(callEvents.callId, call.id), eq(callEvents.type, "callback_requested")))
      .limit(1);
    if (earlier && typeof earlier.data.ticketId === "string") return { id: earlier.data.ticketId };
    const contactId = call.contactId ?? (E164.test(call.fromNumber) ? (await findOrCreateContactByPhone(ctx, call.fromNumber)).id : null);
    const [ticket] = await ctx.tx
      .insert(tickets)
      .values({
        tenantId: ctx.tenantId,
        subject: `Call back ${call.fromNumber}`,
        description: description(input, call.fromNumber),
        status: "open",
        priority: "high",
        contactId,
        callId: call.id,
      })
      .returning({ id: tickets.id });
    await addCallEvent(ctx, call.id, { type: "callback_requested", data: { ticketId: ticket?.id ?? null, why: input.why } });
    return ticket;
  });
}
