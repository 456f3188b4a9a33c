import { and, eq } from "drizzle-orm";
import { flowVersions, flows } from "@/db/schema";
import { type Ctx, actorUserId, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { flowDefinition } from "../../ivr/definition";
import { recordAudit } from "../audit/record";
import { flowProblems, getFlowInTenant, toFlowOut } from "./internal";

/** The draft becomes the next published version, if it has no problems; new calls run it. */
export async function publish({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return inTransaction(ctx, async (ctx) => {
    const [locked] = await ctx.tx
      .select()
      .from(flows)
      .where(and(eq(flows.tenantId, ctx.tenantId), eq(flows.id, (await getFlowInTenant(ctx, input.id)).id)))
      .for("update");
    if (!locked) throw new Error("flow vanished under its lock");
    const draft = flowDefinition.parse(locked.draft);
    const problems = await flowProblems(ctx, draft);
    if (problems.length > 0) {
      const first = problems[0];
      throw new AppError("validation_failed", `The flow has ${problems.length} problem(s): ${first?.nodeId ? `${first.nodeId} ` : ""}${first?.message ?? ""}`, { problems });
    }
    const version = (locked.publishedVersion ?? 0) + 1;
    await ctx.tx.insert(flowVersions).values({ tenantId: ctx.tenantId, flowId: locked.id, version, definition: draft, publishedBy: actorUserId(ctx) });
    const [row] = await ctx.tx
      .update(flows)
      .set({ publishedVersion: version, updatedAt: ctx.deps.now() })
      .where(and(eq(flows.tenantId, ctx.tenantId), eq(flows.id, locked.id)))
      .returning();
    if (!row) throw new Error("flow update returned nothing");
    await recordAudit(ctx, { action: "flow.publish", entityId: row.id, data: { version } });
    return toFlowOut(ctx, row);
  });
}
