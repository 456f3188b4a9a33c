import { auditLog } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Ctx } from "../../context";

/** Writes one audit row; call it with the transaction that makes the change. */
export async function recordAudit(
  ctx: Ctx & { tx: Executor },
  entry: { action: string; entityId?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await ctx.tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    actorApiKeyId: ctx.actor.kind === "api-key" ? ctx.actor.apiKeyId : null,
    action: entry.action,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
  });
}
