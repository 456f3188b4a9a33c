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
  // Told to the tenant's browsers only once the change is committed (never for a rollback).
  const event = { type: "audit:created" as const, action: entry.action, entityId: entry.entityId ?? null, at: ctx.deps.now().toISOString() };
  ctx.afterCommit?.push(() => ctx.deps.notify(ctx.tenantId, event));
}
