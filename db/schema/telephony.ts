import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, index } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, updatedAt } from "./common";
import { tenants } from "./tenants";

export const SIP_TRANSPORTS = ["udp", "tcp"] as const;
export const TRUNK_HEALTH = ["unknown", "up", "down"] as const;
export const DESTINATION_TYPES = ["queue", "flow", "user"] as const;

/** Outbound settings; the password is sealed with the app secret (see server/crypto). */
export interface TrunkOutbound {
  host: string;
  port: number;
  transport: (typeof SIP_TRANSPORTS)[number];
  username: string | null;
  passwordSealed: string | null;
  callerId: string;
}

export const trunks = pgTable(
  "trunks",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** IPs or CIDRs a carrier sends INVITEs from. */
    inboundAddresses: jsonb("inbound_addresses").$type<string[]>().notNull(),
    inboundUsername: text("inbound_username"),
    inboundPasswordSealed: text("inbound_password_sealed"),
    outbound: jsonb("outbound").$type<TrunkOutbound | null>(),
    health: text("health", { enum: TRUNK_HEALTH }).notNull().default("unknown"),
    healthCheckedAt: timestamp("health_checked_at", { withTimezone: true, mode: "date" }),
    healthRttMs: integer("health_rtt_ms"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("trunks_tenant_name_key").on(t.tenantId, t.name)],
);

export const numbers = pgTable(
  "numbers",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    /** E.164; a DID belongs to one tenant across the whole system. */
    number: text("number").notNull(),
    destinationType: text("destination_type", { enum: DESTINATION_TYPES }).notNull(),
    destinationId: uuid("destination_id").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("numbers_number_key").on(t.number), index("numbers_tenant_idx").on(t.tenantId)],
);

export const dispositions = pgTable(
  "dispositions",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("dispositions_tenant_name_key").on(t.tenantId, sql`lower(${t.name})`)],
);
