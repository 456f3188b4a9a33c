import { contacts } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { phoneTaken, toContactOut } from "./internal";
import type { ContactCreate } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: ContactCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx.insert(contacts).values({ tenantId: ctx.tenantId, ...input }).returning();
      if (!row) throw new Error("contact insert returned nothing");
      await recordAudit(ctx, { action: "contact.create", entityId: row.id, data: { name: row.name } });
      return toContactOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw phoneTaken(input.phone ?? "");
    throw e;
  }
}
