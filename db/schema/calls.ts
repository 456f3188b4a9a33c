import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { id, tenantId } from "./common";
import { queues } from "./queues";
import { dispositions, trunks } from "./telephony";
import { tenants } from "./tenants";
import { users } from "./users";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const CALL_DIRECTIONS = ["inbound", "outbound"] as const;
export const CALL_STATES = ["ringing", "queued", "offering", "in_call", "voicemail", "ended"] as const;
export type CallState = (typeof CALL_STATES)[number];
export const OFFER_RESULTS = ["pending", "answered", "declined", "missed", "cancelled"] as const;
export type OfferResult = (typeof OFFER_RESULTS)[number];

export const calls = pgTable(
  "calls",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    direction: text("direction", { enum: CALL_DIRECTIONS }).notNull(),
    fromNumber: text("from_number").notNull(),
    toNumber: text("to_number").notNull(),
    trunkId: uuid("trunk_id").references(() => trunks.id, { onDelete: "set null" }),
    queueId: uuid("queue_id").references(() => queues.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    /** A call for one person (a number routed to a user, a transfer to an agent), not a queue. */
    targetUserId: uuid("target_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The answering agent. */
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    state: text("state", { enum: CALL_STATES }).notNull(),
    priority: integer("priority").notNull().default(0),
    sipCallId: text("sip_call_id"),
    /** The server process that holds the call's SIP dialog and media. */
    nodeId: text("node_id").notNull(),
    startedAt: ts("started_at").notNull().defaultNow(),
    queuedAt: ts("queued_at"),
    answeredAt: ts("answered_at"),
    endedAt: ts("ended_at"),
    endReason: text("end_reason"),
    holdSeconds: integer("hold_seconds").notNull().default(0),
    heldSince: ts("held_since"),
    dispositionId: uuid("disposition_id").references(() => dispositions.id, { onDelete: "set null" }),
    notes: text("notes"),
    wrappedUpAt: ts("wrapped_up_at"),
    recordingPath: text("recording_path"),
    /** Voice activity measured during the call (talk time each side, talk-over, silence) for QA. */
    audioStats: jsonb("audio_stats").$type<Record<string, number>>(),
    ivrPath: jsonb("ivr_path").$type<string[]>().notNull().default([]),
  },
  (t) => [
    index("calls_tenant_started_idx").on(t.tenantId, t.startedAt),
    index("calls_tenant_from_idx").on(t.tenantId, t.fromNumber),
    index("calls_live_idx").on(t.state).where(sql`${t.state} <> 'ended'`),
  ],
);

export const callEvents = pgTable(
  "call_events",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    at: ts("at").notNull().defaultNow(),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("call_events_call_idx").on(t.callId, t.at)],
);

/**
 * Offers of a call to an agent. The partial unique indexes are the arbiter across server
 * processes: one pending offer per call and one per agent.
 */
export const callOffers = pgTable(
  "call_offers",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    result: text("result", { enum: OFFER_RESULTS }).notNull().default("pending"),
    offeredAt: ts("offered_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    respondedAt: ts("responded_at"),
  },
  (t) => [
    uniqueIndex("call_offers_one_per_call").on(t.callId).where(sql`${t.result} = 'pending'`),
    uniqueIndex("call_offers_one_per_agent").on(t.userId).where(sql`${t.result} = 'pending'`),
    index("call_offers_call_idx").on(t.callId),
  ],
);
