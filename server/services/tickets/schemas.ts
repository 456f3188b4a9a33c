import { z } from "zod";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/db/schema/contacts";

export const DESCRIPTION_MAX = 10_000;

const fields = {
  subject: z.string().trim().min(1, "is required").max(200),
  description: z.string().max(DESCRIPTION_MAX),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  contactId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  callId: z.uuid().nullable(),
};
export const ticketCreate = z.strictObject({
  subject: fields.subject,
  description: fields.description.default(""),
  status: fields.status.default("open"),
  priority: fields.priority.default("normal"),
  contactId: fields.contactId.default(null),
  assigneeId: fields.assigneeId.default(null),
  callId: fields.callId.default(null),
});
/** Most of a ticket description's limit is left to the ticket: a call's notes are at most this. */
const CALL_NOTES_MAX = 5_000;

export const ticketUpdate = z
  .strictObject({
    ...fields,
    /**
     * A call's wrap-up notes, appended to the description on the server (under a line with the
     * call's date and id) while the ticket is locked, so two people updating it at once both
     * keep their words; the ticket is linked to the call when it has none.
     */
    appendCallNotes: z.strictObject({ callId: z.uuid(), notes: z.string().max(CALL_NOTES_MAX) }),
  })
  .partial()
  .refine((p) => !(p.appendCallNotes && p.description !== undefined), { message: "send either description or appendCallNotes, not both", path: ["appendCallNotes"] });
export type TicketCreate = z.infer<typeof ticketCreate>;
export type TicketUpdate = z.infer<typeof ticketUpdate>;
export const ticketQuery = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  contactId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
});

export const ticketOut = z.object({
  id: z.uuid(),
  subject: z.string(),
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  callId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TicketOut = z.infer<typeof ticketOut>;
