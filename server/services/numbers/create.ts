import { numbers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { checkDestination, numberTaken, toNumberOut } from "./internal";
import type { NumberCreate } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: NumberCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      await checkDestination(ctx, input.destination);
      const [row] = await ctx.tx
        .insert(numbers)
        .values({ tenantId: ctx.tenantId, number: input.number, destinationType: input.destination.type, destinationId: input.destination.id })
        .returning();
      if (!row) throw new Error("number insert returned nothing");
      await recordAudit(ctx, { action: "number.create", entityId: row.id, data: { ...input } });
      return toNumberOut(ctx, row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw numberTaken(input.number);
    throw e;
  }
}
