import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, tenantId } from "./common";
import { tenants } from "./tenants";
import { users } from "./users";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Offline, Available and Break are chosen by the agent; the others are set by the system. */
export const AGENT_STATES = ["offline", "available", "break", "ringing", "in_call", "after_call_work"] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const agentStates = pgTable(
  "agent_states",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    state: text("state", { enum: AGENT_STATES }).notNull(),
    reason: text("reason"),
    since: ts("since").notNull().defaultNow(),
    /** When the agent last finished a call (longest-idle routing). */
    idleSince: ts("idle_since").notNull().defaultNow(),
    callId: uuid("call_id"),
    /** After-call work ends on its own at this time. */
    until: ts("until"),
  },
  (t) => [index("agent_states_tenant_idx").on(t.tenantId, t.state)],
);

export const agentStateEvents = pgTable(
  "agent_state_events",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state", { enum: AGENT_STATES }).notNull(),
    reason: text("reason"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("agent_state_events_user_idx").on(t.tenantId, t.userId, t.at)],
);
