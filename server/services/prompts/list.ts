import { asc, eq } from "drizzle-orm";
import { prompts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { promptColumns, toPromptOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx).select(promptColumns).from(prompts).where(eq(prompts.tenantId, ctx.tenantId)).orderBy(asc(prompts.name));
  return rows.map(toPromptOut);
}
