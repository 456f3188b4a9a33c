import { and, eq, inArray } from "drizzle-orm";
import { businessHours, flowVersions, flows, prompts, queues } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import { type FlowDefinition, type FlowProblem, audioPromptIds, checkFlow, flowDefinition, references } from "../../ivr/definition";
import type { FlowOut } from "./schemas";

export type FlowRow = typeof flows.$inferSelect;

export async function getFlowInTenant(ctx: Ctx, unverifiedId: string): Promise<FlowRow> {
  const [row] = await exec(ctx)
    .select()
    .from(flows)
    .where(and(eq(flows.tenantId, ctx.tenantId), eq(flows.id, unverifiedId)));
  if (!row) throw notFound("Flow");
  return row;
}

export const flowNameTaken = (name: string) => new AppError("conflict", `A flow named "${name}" already exists`);

/** Structural problems plus references to queues, hours or uploaded prompts this tenant does not have. */
export async function flowProblems(ctx: Ctx, def: FlowDefinition): Promise<FlowProblem[]> {
  const problems = checkFlow(def);
  const refs = references(def);
  const known = async (table: typeof queues | typeof businessHours | typeof prompts, ids: string[]) =>
    ids.length === 0
      ? new Set<string>()
      : new Set((await exec(ctx).select({ id: table.id }).from(table).where(and(eq(table.tenantId, ctx.tenantId), inArray(table.id, ids)))).map((r) => r.id));
  const queuesKnown = await known(queues, refs.queueIds);
  const hoursKnown = await known(businessHours, refs.hoursIds);
  const promptsKnown = await known(prompts, refs.promptIds);
  for (const n of def.nodes) {
    if (n.type === "queue" && !queuesKnown.has(n.queueId)) problems.push({ nodeId: n.id, message: "sends calls to a queue that does not exist" });
    if (n.type === "hours" && !hoursKnown.has(n.hoursId)) problems.push({ nodeId: n.id, message: "checks business hours that do not exist" });
    if (audioPromptIds(n).some((id) => !promptsKnown.has(id))) problems.push({ nodeId: n.id, message: "plays a recorded prompt that does not exist" });
  }
  return problems;
}

export async function toFlowOut(ctx: Ctx, row: FlowRow): Promise<FlowOut> {
  const draft = flowDefinition.parse(row.draft);
  const [published] =
    row.publishedVersion === null
      ? []
      : await exec(ctx)
          .select({ definition: flowVersions.definition })
          .from(flowVersions)
          .where(and(eq(flowVersions.tenantId, ctx.tenantId), eq(flowVersions.flowId, row.id), eq(flowVersions.version, row.publishedVersion)));
  return {
    id: row.id,
    name: row.name,
    draft,
    problems: await flowProblems(ctx, draft),
    publishedVersion: row.publishedVersion,
    published: published?.definition ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
