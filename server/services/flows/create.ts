import { flows } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { flowNameTaken, toFlowOut } from "./internal";
import type { FlowCreate } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: FlowCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx.insert(flows).values({ tenantId: ctx.tenantId, name: input.name, draft: input.draft }).returning();
      if (!row) throw new Error("flow insert returned nothing");
      await recordAudit(ctx, { action: "flow.create", entityId: row.id, data: { name: row.name } });
      return toFlowOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw flowNameTaken(input.name);
    throw e;
  }
}
