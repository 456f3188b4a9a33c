import { integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, updatedAt } from "./common";
import { tenants } from "./tenants";
import { users } from "./users";

/** Opening hours per weekday (0 = Sunday) in a time zone, and closed days. */
export interface WeeklyHours {
  day: number;
  open: string;
  close: string;
}
export interface Holiday {
  date: string;
  name: string;
}

export const businessHours = pgTable(
  "business_hours",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull(),
    weekly: jsonb("weekly").$type<WeeklyHours[]>().notNull(),
    holidays: jsonb("holidays").$type<Holiday[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("business_hours_tenant_name_key").on(t.tenantId, t.name)],
);

/** An IVR flow: an editable draft and the published versions calls run. */
export const flows = pgTable(
  "flows",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    draft: jsonb("draft").$type<unknown>().notNull(),
    publishedVersion: integer("published_version"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("flows_tenant_name_key").on(t.tenantId, t.name)],
);

export const flowVersions = pgTable(
  "flow_versions",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<unknown>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
);
