import { and, eq } from "drizzle-orm";
import { skills } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { recordAudit } from "../audit/record";
import { getSkillInTenant } from "./internal";

export async function remove({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  await inTransaction(ctx, async (ctx) => {
    const existing = await getSkillInTenant(ctx, input.id);
    await ctx.tx.delete(skills).where(and(eq(skills.tenantId, ctx.tenantId), eq(skills.id, existing.id)));
    await recordAudit(ctx, { action: "skill.delete", entityId: existing.id, data: { name: existing.name } });
  });
}
