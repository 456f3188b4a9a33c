import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { assertAnotherActiveAdmin, endSessions, getUserInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getUserInTenant(ctx, input.id);
    if (existing.role === "admin" && existing.status === "active") await assertAnotherActiveAdmin(ctx, existing.id, "deleted");
    await endSessions(ctx, existing.id);
    await ctx.tx.delete(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, existing.id)));
    await recordAudit(ctx, {
      action: "user.delete",
      entityId: existing.id,
      data: { email: existing.email, name: existing.name, role: existing.role },
    });
  });
}
