import { desc, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toApiKeyOut } from "./internal";

export async function list({ ctx }: { ctx: Ctx }) {
  const rows = await exec(ctx)
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, ctx.tenantId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toApiKeyOut);
}
