import { and, eq } from "drizzle-orm";
import { flows } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { flowNameTaken, getFlowInTenant, toFlowOut } from "./internal";
import type { FlowUpdate } from "./schemas";

/** Saves the draft (problems are reported, not refused: a draft may be unfinished). */
export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: FlowUpdate } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getFlowInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(flows)
        .set({ ...input.patch, updatedAt: ctx.deps.now() })
        .where(and(eq(flows.tenantId, ctx.tenantId), eq(flows.id, existing.id)))
        .returning();
      if (!row) throw new Error("flow update returned nothing");
      await recordAudit(ctx, { action: "flow.update", entityId: row.id, data: { fields: Object.keys(input.patch) } });
      return toFlowOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw flowNameTaken(input.patch.name ?? "");
    throw e;
  }
}
