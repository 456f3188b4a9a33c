import { randomUUID } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import { callEvaluations, scorecards } from "@/db/schema";
import { type Ctx, exec, inTransaction } from "../../context";
import { AppError, isUniqueViolation, notFound } from "../../errors";
import { recordAudit } from "../audit/record";
import type { ScorecardCreate, ScorecardUpdate } from "./schemas";

type Row = typeof scorecards.$inferSelect;
const taken = (name: string) => new AppError("conflict", `A scorecard named "${name}" already exists`);
const withIds = (criteria: ScorecardCreate["criteria"]) => criteria.map((c) => ({ id: randomUUID(), label: c.label, description: c.description, weight: c.weight }));
const out = (r: Row, evaluations: number) => ({ id: r.id, name: r.name, criteria: r.criteria, evaluations, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

async function usedBy(ctx: Ctx, scorecardId: string): Promise<number> {
  const [row] = await exec(ctx)
    .select({ n: count() })
    .from(callEvaluations)
    .where(and(eq(callEvaluations.tenantId, ctx.tenantId), eq(callEvaluations.scorecardId, scorecardId)));
  return row?.n ?? 0;
}

export async function getScorecardInTenant(ctx: Ctx, unverifiedId: string): Promise<Row> {
  const [row] = await exec(ctx)
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.tenantId, ctx.tenantId), eq(scorecards.id, unverifiedId)));
  if (!row) throw notFound("Scorecard");
  return row;
}

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx)
    .select({ card: scorecards, evaluations: count(callEvaluations.id) })
    .from(scorecards)
    .leftJoin(callEvaluations, and(eq(callEvaluations.scorecardId, scorecards.id), eq(callEvaluations.tenantId, scorecards.tenantId)))
    .where(eq(scorecards.tenantId, ctx.tenantId))
    .groupBy(scorecards.id)
    .orderBy(asc(scorecards.name));
  return rows.map((r) => out(r.card, r.evaluations));
}

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const row = await getScorecardInTenant(ctx, input.id);
  return out(row, await usedBy(ctx, row.id));
}

export async function create({ ctx, input }: { ctx: Ctx; input: ScorecardCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx.insert(scorecards).values({ tenantId: ctx.tenantId, name: input.name, criteria: withIds(input.criteria) }).returning();
      if (!row) throw new Error("scorecard insert returned nothing");
      await recordAudit(ctx, { action: "scorecard.create", entityId: row.id, data: { name: row.name, criteria: row.criteria.length } });
      return out(row, 0);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(input.name);
    throw e;
  }
}

/** Renames freely; the criteria change only while no call was scored with them (scores stay comparable). */
export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: ScorecardUpdate } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getScorecardInTenant(ctx, input.id);
      const used = await usedBy(ctx, existing.id);
      if (input.patch.criteria && used > 0) {
        throw new AppError("conflict", `${used} scored call(s) use these criteria: they cannot change. Create a new scorecard instead.`);
      }
      const [row] = await ctx.tx
        .update(scorecards)
        .set({ ...(input.patch.name ? { name: input.patch.name } : {}), ...(input.patch.criteria ? { criteria: withIds(input.patch.criteria) } : {}), updatedAt: ctx.deps.now() })
        .where(and(eq(scorecards.tenantId, ctx.tenantId), eq(scorecards.id, existing.id)))
        .returning();
      if (!row) throw new Error("scorecard update returned nothing");
      await recordAudit(ctx, { action: "scorecard.update", entityId: row.id, data: { name: row.name, criteriaChanged: !!input.patch.criteria } });
      return out(row, used);
    });
  } catch (e) {
    if (isUniqueViolation(e) && input.patch.name) throw taken(input.patch.name);
    throw e;
  }
}

/** Only a scorecard no call was scored with can go (the scores keep their questions). */
export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getScorecardInTenant(ctx, input.id);
    const used = await usedBy(ctx, existing.id);
    if (used > 0) throw new AppError("conflict", `${used} scored call(s) use this scorecard: it cannot be deleted`);
    await ctx.tx.delete(scorecards).where(and(eq(scorecards.tenantId, ctx.tenantId), eq(scorecards.id, existing.id)));
    await recordAudit(ctx, { action: "scorecard.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
