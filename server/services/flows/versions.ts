import { and, desc, eq } from "drizzle-orm";
import { flowVersions } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { getFlowInTenant } from "./internal";

export async function versions({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const flow = await getFlowInTenant(ctx, input.id);
  const rows = await exec(ctx)
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.tenantId, ctx.tenantId), eq(flowVersions.flowId, flow.id)))
    .orderBy(desc(flowVersions.version));
  return rows.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy }));
}
