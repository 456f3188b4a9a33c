import { and, eq, inArray } from "drizzle-orm";
import { skills } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import type { SkillOut } from "./schemas";

export const toSkillOut = (s: typeof skills.$inferSelect): SkillOut => ({
  id: s.id,
  name: s.name,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export async function getSkillInTenant(ctx: Ctx, unverifiedId: string) {
  const [row] = await exec(ctx)
    .select()
    .from(skills)
    .where(and(eq(skills.tenantId, ctx.tenantId), eq(skills.id, unverifiedId)));
  if (!row) throw notFound("Skill");
  return row;
}

/** Throws a validation error naming the first id that is not a skill of this tenant. */
export async function assertSkillsInTenant(ctx: Ctx, unverifiedIds: string[]): Promise<void> {
  if (unverifiedIds.length === 0) return;
  const found = await exec(ctx)
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.tenantId, ctx.tenantId), inArray(skills.id, unverifiedIds)));
  const known = new Set(found.map((r) => r.id));
  const missing = unverifiedIds.find((id) => !known.has(id));
  if (missing) throw new AppError("validation_failed", `Skill ${missing} does not exist`, { field: "skills" });
}

export const skillNameTaken = (name: string) =>
  new AppError("conflict", `A skill named "${name}" already exists`);
