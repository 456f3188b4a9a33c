import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { calls } from "./calls";
import { createdAt, id, tenantId, updatedAt } from "./common";
import { tenants } from "./tenants";
import { users } from "./users";

/** One question of a scorecard, weighed against the others. */
export interface ScorecardCriterion {
  id: string;
  label: string;
  description: string;
  weight: number;
}

/** A criterion's score on a call: 0..5, or null when it does not apply (N/A). */
export interface EvaluationAnswer {
  criterionId: string;
  score: number | null;
}

/** A tenant's QA form: weighted criteria a supervisor scores 0-5 on a call. */
export const scorecards = pgTable(
  "scorecards",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    criteria: jsonb("criteria").$type<ScorecardCriterion[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("scorecards_tenant_name_key").on(t.tenantId, t.name)],
);

/** A supervisor's scoring of one call on one scorecard (one per evaluator, scorecard and call). */
export const callEvaluations = pgTable(
  "call_evaluations",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "restrict" }),
    /** The agent the call was scored for (the call's agent when scored). */
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    evaluatorId: uuid("evaluator_id").references(() => users.id, { onDelete: "set null" }),
    answers: jsonb("answers").$type<EvaluationAnswer[]>().notNull(),
    /** Weighted score in hundredths of a percent (0..10000), over the criteria that apply. */
    scoreBp: integer("score_bp").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("call_evaluations_call_card_evaluator_key").on(t.callId, t.scorecardId, t.evaluatorId),
    index("call_evaluations_tenant_agent_idx").on(t.tenantId, t.agentId, t.createdAt),
  ],
);
