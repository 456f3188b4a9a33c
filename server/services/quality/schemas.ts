import { z } from "zod";

export const MAX_SCORE = 5;

const criterionInput = z.strictObject({
  label: z.string().trim().min(1, "is required").max(120),
  description: z.string().trim().max(500).default(""),
  weight: z.number().int().min(1).max(10).default(1),
});
export const scorecardCreate = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80),
  criteria: z.array(criterionInput).min(1, "a scorecard needs at least one criterion").max(30),
});
export const scorecardUpdate = scorecardCreate.partial().refine((p) => Object.keys(p).length > 0, "nothing to change");
export type ScorecardCreate = z.infer<typeof scorecardCreate>;
export type ScorecardUpdate = z.infer<typeof scorecardUpdate>;

export const scorecardOut = z.object({
  id: z.uuid(),
  name: z.string(),
  criteria: z.array(z.object({ id: z.uuid(), label: z.string(), description: z.string(), weight: z.number().int() })),
  /** Calls scored with it (its criteria are then fixed). */
  evaluations: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const evaluationInput = z.strictObject({
  scorecardId: z.uuid(),
  /** Every criterion of the scorecard once: 0..5, or null when it does not apply. */
  answers: z.array(z.strictObject({ criterionId: z.uuid(), score: z.number().int().min(0).max(MAX_SCORE).nullable() })).min(1).max(30),
  comment: z.string().trim().max(2000).default(""),
});
export type EvaluationInput = z.infer<typeof evaluationInput>;

export const evaluationOut = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  scorecard: z.object({ id: z.uuid(), name: z.string() }),
  agent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  evaluator: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  answers: z.array(z.object({ criterionId: z.uuid(), label: z.string(), weight: z.number().int(), score: z.number().int().nullable() })),
  /** Weighted: sum(weight x score) / sum(weight x 5) over the criteria that apply, in percent. */
  scorePct: z.number().min(0).max(100),
  comment: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EvaluationOut = z.infer<typeof evaluationOut>;

export const evaluationsQuery = z.strictObject({
  agentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const evaluationListOut = z.object({
  /** The average score of the listed evaluations, null when there are none. */
  averagePct: z.number().nullable(),
  items: z.array(evaluationOut),
});
