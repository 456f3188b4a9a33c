import { and, eq } from "drizzle-orm";
import { numbers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { checkDestination, getNumberInTenant, toNumberOut } from "./internal";
import type { NumberUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: NumberUpdate } }) {
  return inTransaction(ctx, async (ctx) => {
    const existing = await getNumberInTenant(ctx, input.id);
    await checkDestination(ctx, input.patch.destination);
    const [row] = await ctx.tx
      .update(numbers)
      .set({ destinationType: input.patch.destination.type, destinationId: input.patch.destination.id, updatedAt: ctx.deps.now() })
      .where(and(eq(numbers.tenantId, ctx.tenantId), eq(numbers.id, existing.id)))
      .returning();
    if (!row) throw new Error("number update returned nothing");
    await recordAudit(ctx, { action: "number.update", entityId: row.id, data: { ...input.patch } });
    return toNumberOut(ctx, row);
  });
}
