import { trunks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { toTrunkOut, trunkNameTaken, trunkSecrets } from "./internal";
import type { TrunkCreate } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: TrunkCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx
        .insert(trunks)
        .values({ tenantId: ctx.tenantId, name: input.name, inboundAddresses: input.inboundAddresses, ...trunkSecrets(ctx, input) })
        .returning();
      if (!row) throw new Error("trunk insert returned nothing");
      await recordAudit(ctx, { action: "trunk.create", entityId: row.id, data: { name: row.name, inboundAddresses: row.inboundAddresses } });
      return toTrunkOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw trunkNameTaken(input.name);
    throw e;
  }
}
