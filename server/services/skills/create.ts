import { skills } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit/record";
import { skillNameTaken, toSkillOut } from "./internal";
import type { SkillCreate } from "./schemas";

export async function create({ ctx, input }: { ctx: Ctx; input: SkillCreate }) {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx
        .insert(skills)
        .values({ tenantId: ctx.tenantId, name: input.name, description: input.description ?? "" })
        .returning();
      if (!row) throw new Error("skill insert returned nothing");
      await recordAudit(ctx, { action: "skill.create", entityId: row.id, data: { name: row.name } });
      return toSkillOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw skillNameTaken(input.name);
    throw e;
  }
}
