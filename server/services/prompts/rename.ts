import { and, eq } from "drizzle-orm";
import { prompts } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { getPromptInTenant, promptColumns, promptTaken, toPromptOut } from "./internal";
import type { PromptRename } from "./schemas";

/** Flows refer to prompts by id, so a new name changes nothing for them. */
export async function rename({ ctx, input }: { ctx: Ctx; input: { id: string; patch: PromptRename } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getPromptInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(prompts)
        .set({ name: input.patch.name, updatedAt: ctx.deps.now() })
        .where(and(eq(prompts.tenantId, ctx.tenantId), eq(prompts.id, existing.id)))
        .returning(promptColumns);
      if (!row) throw new Error("prompt update returned nothing");
      await recordAudit(ctx, { action: "prompt.update", entityId: row.id, data: { from: existing.name, name: row.name } });
      return toPromptOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw promptTaken(input.patch.name);
    throw e;
  }
}
