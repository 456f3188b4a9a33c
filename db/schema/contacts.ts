import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, updatedAt } from "./common";
import { tenants } from "./tenants";
import { users } from "./users";

export const CONTACT_TIERS = ["standard", "vip"] as const;
export const TICKET_STATUSES = ["open", "pending", "closed"] as const;
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** E.164; the screen pop finds the contact by the caller's number. */
    phone: text("phone"),
    email: text("email"),
    tier: text("tier", { enum: CONTACT_TIERS }).notNull().default("standard"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("contacts_tenant_phone_key").on(t.tenantId, t.phone)],
);

export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: TICKET_STATUSES }).notNull().default("open"),
    priority: text("priority", { enum: TICKET_PRIORITIES }).notNull().default("normal"),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** The call it was created or last updated from. */
    callId: uuid("call_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("tickets_tenant_contact_idx").on(t.tenantId, t.contactId)],
);
