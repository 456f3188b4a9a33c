import { and, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { notFound } from "../../errors";
import type { ApiKeyOut } from "./schemas";

export const KEY_PREFIX_LENGTH = 10;

export async function getApiKeyInTenant(ctx: Ctx, unverifiedId: string) {
  const [row] = await exec(ctx)
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, unverifiedId)));
  if (!row) throw notFound("API key");
  return row;
}

export const toApiKeyOut = (k: typeof apiKeys.$inferSelect): ApiKeyOut => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});
