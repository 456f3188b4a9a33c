import { and, desc, eq } from "drizzle-orm";
import { apiKeys, auditLog, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import type { AuditEntryOut } from "./schemas";

/** The tenant's most recent audit entries, newest first, with the actor's current name. */
export async function list({ ctx, input }: { ctx: Ctx; input: { limit: number } }): Promise<AuditEntryOut[]> {
  const rows = await exec(ctx)
    .select({ entry: auditLog, userName: users.name, keyName: apiKeys.name })
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.actorUserId), eq(users.tenantId, auditLog.tenantId)))
    .leftJoin(apiKeys, and(eq(apiKeys.id, auditLog.actorApiKeyId), eq(apiKeys.tenantId, auditLog.tenantId)))
    .where(eq(auditLog.tenantId, ctx.tenantId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit);
  return rows.map(({ entry, userName, keyName }) => ({
    id: entry.id,
    action: entry.action,
    entityId: entry.entityId,
    actor: actorOf(entry, userName ?? undefined, keyName ?? undefined),
    data: entry.data,
    createdAt: entry.createdAt.toISOString(),
  }));
}

function actorOf(entry: typeof auditLog.$inferSelect, userName?: string, keyName?: string): AuditEntryOut["actor"] {
  if (entry.actorApiKeyId) return { type: "api-key", id: entry.actorApiKeyId, ...(keyName ? { name: keyName } : {}) };
  if (entry.actorUserId) return { type: "user", id: entry.actorUserId, ...(userName ? { name: userName } : {}) };
  return null;
}
