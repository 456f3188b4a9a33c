import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The nodes taking calls now, each with its last heartbeat (the database's clock, so nodes'
 * clocks never disagree about it) and how long a silence means it is lost (its own setting,
 * NODE_LOST_SECONDS, which the others honour). Not a tenant's data: the cluster's. A node whose
 * heartbeat stops is declared lost by another, which ends the calls it held
 * (server/jobs/node-liveness.ts).
 */
export const nodes = pgTable("nodes", {
  id: text("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  lostAfterSec: integer("lost_after_sec").notNull().default(30),
});
