import { and, eq } from "drizzle-orm";
import { dispositions } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { dispositionTaken, getDispositionInTenant, toDispositionOut } from "./internal";
import type { DispositionInput } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: DispositionInput } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getDispositionInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(dispositions)
        .set({ name: input.patch.name })
        .where(and(eq(dispositions.tenantId, ctx.tenantId), eq(dispositions.id, existing.id)))
        .returning();
      if (!row) throw new Error("disposition update returned nothing");
      await recordAudit(ctx, { action: "disposition.update", entityId: row.id, data: { name: row.name } });
      return toDispositionOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw dispositionTaken(input.patch.name);
    throw e;
  }
}
