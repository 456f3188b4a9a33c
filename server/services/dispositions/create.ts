import { dispositions } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { dispositionTaken, toDispositionOut } from "./internal";
import type { DispositionInput } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: DispositionInput }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx.insert(dispositions).values({ tenantId: ctx.tenantId, name: input.name }).returning();
      if (!row) throw new Error("disposition insert returned nothing");
      await recordAudit(ctx, { action: "disposition.create", entityId: row.id, data: { name: row.name } });
      return toDispositionOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw dispositionTaken(input.name);
    throw e;
  }
}
