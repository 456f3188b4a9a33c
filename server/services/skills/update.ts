import { and, eq } from "drizzle-orm";
import { skills } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { getSkillInTenant, skillNameTaken, toSkillOut } from "./internal";
import type { SkillUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: SkillUpdate } }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const existing = await getSkillInTenant(ctx, input.id);
      const [row] = await ctx.tx
        .update(skills)
        .set({ ...input.patch, updatedAt: ctx.deps.now() })
        .where(and(eq(skills.tenantId, ctx.tenantId), eq(skills.id, existing.id)))
        .returning();
      if (!row) throw new Error("skill update returned nothing");
      await recordAudit(ctx, { action: "skill.update", entityId: row.id, data: { ...input.patch } });
      return toSkillOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw skillNameTaken(input.patch.name ?? "");
    throw e;
  }
}
