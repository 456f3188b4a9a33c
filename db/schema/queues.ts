import { type AnyPgColumn, boolean, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, updatedAt } from "./common";
import { skills } from "./skills";
import { tenants } from "./tenants";
import { users } from "./users";

export const QUEUE_STRATEGIES = ["longest-idle", "round-robin", "skills-weighted"] as const;
export const MAX_WAIT_ACTIONS = ["voicemail", "callback", "hangup"] as const;

export const queues = pgTable(
  "queues",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    strategy: text("strategy", { enum: QUEUE_STRATEGIES }).notNull(),
    ringTimeoutSec: integer("ring_timeout_sec").notNull(),
    maxWaitSec: integer("max_wait_sec").notNull(),
    maxWaitAction: text("max_wait_action", { enum: MAX_WAIT_ACTIONS }).notNull(),
    overflowQueueId: uuid("overflow_queue_id").references((): AnyPgColumn => queues.id, { onDelete: "set null" }),
    overflowAfterSec: integer("overflow_after_sec"),
    serviceLevelSec: integer("service_level_sec").notNull(),
    priority: integer("priority").notNull(),
    /** Position / estimated-wait announcements over the music every N seconds; null: none. */
    announceEverySec: integer("announce_every_sec"),
    announcePosition: boolean("announce_position").notNull().default(true),
    announceWaitTime: boolean("announce_wait_time").notNull().default(true),
    /** Wallboard alert thresholds; null: that alert is off. Evaluated by server/services/wallboard/alerts.ts. */
    alertMaxWaiting: integer("alert_max_waiting"),
    alertLongestWaitSec: integer("alert_longest_wait_sec"),
    alertServiceLevelPct: integer("alert_service_level_pct"),
    alertAbandonRatePct: integer("alert_abandon_rate_pct"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("queues_tenant_name_key").on(t.tenantId, t.name)],
);

export const queueSkills = pgTable(
  "queue_skills",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    queueId: uuid("queue_id")
      .notNull()
      .references(() => queues.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    minLevel: integer("min_level").notNull(),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.skillId] })],
);

export const queueMembers = pgTable(
  "queue_members",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    queueId: uuid("queue_id")
      .notNull()
      .references(() => queues.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] })],
);
