import { and, eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getContactInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getContactInTenant(ctx, input.id);
    await ctx.tx.delete(contacts).where(and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.id, existing.id)));
    await recordAudit(ctx, { action: "contact.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
