import { and, eq } from "drizzle-orm";
import { flowVersions, flows, prompts } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { flowDefinition, references } from "../../ivr/definition";
import { recordAudit } from "../audit/record";
import { getPromptInTenant } from "./internal";

/** Refused while a flow's draft or its published version plays the prompt (a call could reach it). */
export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getPromptInTenant(ctx, input.id);
    const rows = await ctx.tx
      .select({ name: flows.name, draft: flows.draft, published: flowVersions.definition })
      .from(flows)
      .leftJoin(flowVersions, and(eq(flowVersions.tenantId, flows.tenantId), eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.publishedVersion)))
      .where(eq(flows.tenantId, ctx.tenantId));
    const plays = (definition: unknown) => {
      const parsed = flowDefinition.safeParse(definition);
      return parsed.success && references(parsed.data).promptIds.includes(existing.id);
    };
    for (const f of rows) {
      const where = plays(f.published) ? "its published version" : plays(f.draft) ? "its draft" : null;
      if (where) throw new AppError("conflict", `The IVR flow "${f.name}" plays this prompt in ${where}: choose another prompt there first`);
    }
    await ctx.tx.delete(prompts).where(and(eq(prompts.tenantId, ctx.tenantId), eq(prompts.id, existing.id)));
    await recordAudit(ctx, { action: "prompt.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
