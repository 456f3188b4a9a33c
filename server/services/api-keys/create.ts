import { apiKeys } from "@/db/schema";
import { type Ctx, actorUserId, inTransaction } from "../../context";
import { randomToken, tokenHash } from "../../auth/tokens";
import { recordAudit } from "../audit/record";
import { KEY_PREFIX_LENGTH } from "./internal";
import type { ApiKeyCreate, ApiKeyCreatedOut } from "./schemas";

/** Makes a key `hl_<random>`; only its HMAC is stored, so this is the one time it is seen. */
export async function create({ ctx, input }: { ctx: Ctx; input: ApiKeyCreate }): Promise<ApiKeyCreatedOut> {
  const key = `hl_${randomToken(32)}`;
  const prefix = key.slice(0, KEY_PREFIX_LENGTH);
  return inTransaction(ctx, async (ctx) => {
    const [row] = await ctx.tx
      .insert(apiKeys)
      .values({ tenantId: ctx.tenantId, name: input.name, prefix, keyHash: tokenHash(ctx.deps.secret, key), createdBy: actorUserId(ctx) })
      .returning();
    if (!row) throw new Error("api key insert returned nothing");
    await recordAudit(ctx, { action: "api-key.create", entityId: row.id, data: { name: row.name, prefix } });
    return { id: row.id, name: row.name, prefix, key, createdAt: row.createdAt.toISOString() };
  });
}
