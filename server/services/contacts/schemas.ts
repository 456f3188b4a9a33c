import { z } from "zod";
import { CONTACT_TIERS } from "@/db/schema/contacts";
import { e164 } from "../trunks/schemas";

const fields = {
  name: z.string().trim().min(1, "is required").max(120),
  phone: e164.nullable(),
  email: z.email().max(254).nullable(),
  tier: z.enum(CONTACT_TIERS),
  notes: z.string().max(5000),
};
export const contactCreate = z.strictObject({
  name: fields.name,
  phone: fields.phone.default(null),
  email: fields.email.default(null),
  tier: fields.tier.default("standard"),
  notes: fields.notes.default(""),
});
export const contactUpdate = z.strictObject(fields).partial();
export type ContactCreate = z.infer<typeof contactCreate>;
export type ContactUpdate = z.infer<typeof contactUpdate>;
export const contactQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
export const lookupQuery = z.strictObject({ phone: e164 });

export const contactOut = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  tier: z.enum(CONTACT_TIERS),
  notes: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ContactOut = z.infer<typeof contactOut>;

export const screenPopOut = z.object({
  contact: contactOut,
  pastCalls: z.array(
    z.object({
      id: z.uuid(),
      direction: z.enum(["inbound", "outbound"]),
      startedAt: z.iso.datetime(),
      endedAt: z.iso.datetime().nullable(),
      agentId: z.uuid().nullable(),
      agentName: z.string().nullable(),
      dispositionName: z.string().nullable(),
      disposition: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  openTickets: z.array(z.object({ id: z.uuid(), subject: z.string(), status: z.string(), priority: z.string(), createdAt: z.iso.datetime() })),
  /** The tenant's CRM record of the number (a webhook answering contact.lookup), when there is one. */
  crm: z.object({ name: z.string().optional(), company: z.string().optional(), notes: z.string().optional(), url: z.string().optional() }).nullable(),
});
