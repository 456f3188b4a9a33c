import { asc, eq } from "drizzle-orm";
import { skills } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toSkillOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select().from(skills).where(eq(skills.tenantId, ctx.tenantId)).orderBy(asc(skills.name));
  return rows.map(toSkillOut);
}
