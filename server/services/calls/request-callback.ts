import { tickets } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { addCallEvent, getCallInTenant } from "./internal";

/**
 * The caller waited too long and the queue offers a callback: an open ticket asks an agent to
 * call back (with the contact and the call), recorded on the call's timeline.
 */
export async function requestCallback({ ctx, input }: { ctx: Ctx; input: { callId: string; queueName: string } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    const [ticket] = await ctx.tx
      .insert(tickets)
      .values({
        tenantId: ctx.tenantId,
        subject: `Call back ${call.fromNumber}`,
        description: `The caller waited in ${input.queueName} past its maximum wait and asked to be called back.`,
        status: "open",
        priority: "high",
        contactId: call.contactId,
        callId: call.id,
      })
      .returning({ id: tickets.id });
    await addCallEvent(ctx, call.id, { type: "callback_requested", data: { ticketId: ticket?.id ?? null } });
    return ticket;
  });
}
