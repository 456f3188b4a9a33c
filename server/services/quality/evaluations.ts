import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq } from "drizzle-orm";
import { type ScorecardCriterion, callEvaluations, scorecards, users } from "@/db/schema";
import { type Ctx, actorUserId, exec, inTransaction } from "../../context";
import { AppError, notFound } from "../../errors";
import { addCallEvent, getCallInTenant } from "../calls/internal";
import { MAX_SCORE, type EvaluationInput, type EvaluationOut } from "./schemas";

const bad = (message: string, field: string) => new AppError("validation_failed", `${field}: ${message}`, { field });

/** sum(weight x score) / sum(weight x 5) over the criteria that apply, in basis points. */
export function scoreOf(criteria: ScorecardCriterion[], answers: EvaluationInput["answers"]): number {
  const byId = new Map(answers.map((a) => [a.criterionId, a.score]));
  let got = 0;
  let max = 0;
  for (const c of criteria) {
    const score = byId.get(c.id);
    if (score === null || score === undefined) continue;
    got += c.weight * score;
    max += c.weight * MAX_SCORE;
  }
  return Math.round((got / max) * 10_000);
}

function checkAnswers(criteria: ScorecardCriterion[], answers: EvaluationInput["answers"]) {
  const known = new Set(criteria.map((c) => c.id));
  const seen = new Set<string>();
  for (const a of answers) {
    if (!known.has(a.criterionId)) throw bad("a criterion this scorecard does not have", "answers");
    if (seen.has(a.criterionId)) throw bad("each criterion is answered once", "answers");
    seen.add(a.criterionId);
  }
  const missing = criteria.filter((c) => !seen.has(c.id));
  if (missing.length > 0) throw bad(`every criterion needs a score or N/A (missing: ${missing.map((c) => c.label).join(", ")})`, "answers");
  if (answers.every((a) => a.score === null)) throw bad("at least one criterion must be scored", "answers");
}

const agents = alias(users, "agents");
const evaluators = alias(users, "evaluators");

async function read(ctx: Ctx, where: ReturnType<typeof and>, limit = 200): Promise<EvaluationOut[]> {
  const rows = await exec(ctx)
    .select({ e: callEvaluations, card: { id: scorecards.id, name: scorecards.name, criteria: scorecards.criteria }, agentName: agents.name, evaluatorName: evaluators.name })
    .from(callEvaluations)
    .innerJoin(scorecards, and(eq(scorecards.id, callEvaluations.scorecardId), eq(scorecards.tenantId, callEvaluations.tenantId)))
    .leftJoin(agents, and(eq(agents.id, callEvaluations.agentId), eq(agents.tenantId, callEvaluations.tenantId)))
    .leftJoin(evaluators, and(eq(evaluators.id, callEvaluations.evaluatorId), eq(evaluators.tenantId, callEvaluations.tenantId)))
    .where(and(eq(callEvaluations.tenantId, ctx.tenantId), where))
    .orderBy(desc(callEvaluations.updatedAt), desc(callEvaluations.id))
    .limit(limit);
  return rows.map(({ e, card, agentName, evaluatorName }) => {
    const scores = new Map(e.answers.map((a) => [a.criterionId, a.score]));
    return {
      id: e.id,
      callId: e.callId,
      scorecard: { id: card.id, name: card.name },
      agent: e.agentId && agentName !== null ? { id: e.agentId, name: agentName } : null,
      evaluator: e.evaluatorId && evaluatorName !== null ? { id: e.evaluatorId, name: evaluatorName } : null,
      answers: card.criteria.map((c) => ({ criterionId: c.id, label: c.label, weight: c.weight, score: scores.get(c.id) ?? null })),
      scorePct: e.scoreBp / 100,
      comment: e.comment,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  });
}

/**
 * A supervisor scores a call the agent handled on one of the tenant's scorecards; scoring the
 * same call on the same scorecard again replaces their earlier scores. On the call's timeline.
 */
export async function evaluate({ ctx, input }: { ctx: Ctx; input: { callId: string } & EvaluationInput }): Promise<EvaluationOut> {
  const evaluatorId = actorUserId(ctx);
  if (!evaluatorId) throw new AppError("forbidden", "Calls are scored by a supervisor or an admin signed in");
  const id = await inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId);
    if (!call.agentId || !call.answeredAt) throw new AppError("conflict", "Only a call an agent answered can be scored");
    const [card] = await ctx.tx
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.tenantId, ctx.tenantId), eq(scorecards.id, input.scorecardId)));
    if (!card) throw bad("no such scorecard", "scorecardId");
    checkAnswers(card.criteria, input.answers);
    const now = ctx.deps.now();
    const values = { agentId: call.agentId, answers: input.answers, scoreBp: scoreOf(card.criteria, input.answers), comment: input.comment, updatedAt: now };
    const [row] = await ctx.tx
      .insert(callEvaluations)
      .values({ tenantId: ctx.tenantId, callId: call.id, scorecardId: card.id, evaluatorId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [callEvaluations.callId, callEvaluations.scorecardId, callEvaluations.evaluatorId], set: values, setWhere: eq(callEvaluations.tenantId, ctx.tenantId) })
      .returning({ id: callEvaluations.id });
    if (!row) throw new Error("evaluation upsert returned nothing");
    // The score itself stays with the evaluation (agents read only their own calls' scores; every member reads timelines).
    await addCallEvent(ctx, call.id, { type: "evaluated", data: { userId: evaluatorId, scorecardId: card.id } });
    return row.id;
  });
  const [out] = await read(ctx, eq(callEvaluations.id, id));
  if (!out) throw notFound("Evaluation");
  return out;
}

/** A call's scores: supervisors see all; an agent those of a call they handled (others: not found). */
export async function forCall({ ctx, input }: { ctx: Ctx; input: { callId: string } }): Promise<EvaluationOut[]> {
  const call = await getCallInTenant(ctx, input.callId);
  if (ctx.actor.role === "agent" && call.agentId !== actorUserId(ctx)) throw notFound("Call");
  return read(ctx, eq(callEvaluations.callId, call.id));
}

/** The latest scores, of one agent or all; an agent only ever sees their own. */
export async function list({ ctx, input }: { ctx: Ctx; input: { agentId?: string; limit: number } }) {
  const agentId = ctx.actor.role === "agent" ? (actorUserId(ctx) ?? "") : input.agentId;
  const items = await read(ctx, agentId ? eq(callEvaluations.agentId, agentId) : undefined, input.limit);
  return { averagePct: items.length ? Math.round((items.reduce((s, e) => s + e.scorePct, 0) / items.length) * 10) / 10 : null, items };
}
