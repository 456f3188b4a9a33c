import { and, eq } from "drizzle-orm";
import { trunks } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { getTrunkInTenant, toTrunkOut, trunkNameTaken, trunkSecrets } from "./internal";
import type { TrunkUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: TrunkUpdate } }) {
  const { inboundAuth, outbound, ...plain } = input.patch;
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getTrunkInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(trunks)
        .set({ ...plain, ...trunkSecrets(ctx, { inboundAuth, outbound }, existing), updatedAt: ctx.deps.now() })
        .where(and(eq(trunks.tenantId, ctx.tenantId), eq(trunks.id, existing.id)))
        .returning();
      if (!row) throw new Error("trunk update returned nothing");
      // Passwords never reach the audit log.
      await recordAudit(ctx, { action: "trunk.update", entityId: row.id, data: { fields: Object.keys(input.patch) } });
      return toTrunkOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw trunkNameTaken(input.patch.name ?? "");
    throw e;
  }
}
