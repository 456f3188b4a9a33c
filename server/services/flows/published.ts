import { and, eq } from "drizzle-orm";
import { flowVersions, flows } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { type FlowDefinition, flowDefinition } from "../../ivr/definition";

/** The published version of a flow (what a call runs), or null when it has none. */
export async function published({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<{ version: number; definition: FlowDefinition } | null> {
  const [row] = await exec(ctx)
    .select({ version: flowVersions.version, definition: flowVersions.definition })
    .from(flows)
    .innerJoin(flowVersions, and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.publishedVersion)))
    .where(and(eq(flows.tenantId, ctx.tenantId), eq(flows.id, input.id)));
  return row ? { version: row.version, definition: flowDefinition.parse(row.definition) } : null;
}
