import { and, eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { getContactInTenant, phoneTaken, toContactOut } from "./internal";
import type { ContactUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: ContactUpdate } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getContactInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(contacts)
        .set({ ...input.patch, updatedAt: ctx.deps.now() })
        .where(and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.id, existing.id)))
        .returning();
      if (!row) throw new Error("contact update returned nothing");
      await recordAudit(ctx, { action: "contact.update", entityId: row.id, data: { fields: Object.keys(input.patch) } });
      return toContactOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw phoneTaken(input.patch.phone ?? "");
    throw e;
  }
}
