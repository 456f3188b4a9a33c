import type { Db, Executor } from "@/db/client";
import type { Role } from "@/db/schema";
import type { RateLimiter } from "./auth/rate-limit";

/** What the domain core needs from the process; built once by createApp. */
export interface Deps {
  db: Db;
  /** Key for HMAC of session tokens, API keys and invite tokens. */
  secret: string;
  rateLimiter: RateLimiter;
  now: () => Date;
  /** Pushes an event to the tenant's connected browsers (Socket.IO room; all nodes with Redis). */
  notify: (tenantId: string, event: TenantEvent) => void;
}

export type TenantEvent = { type: "audit:created"; action: string; entityId: string | null; at: string };

export type Actor =
  | { kind: "user"; userId: string; role: Role }
  | { kind: "api-key"; apiKeyId: string; role: "admin" };

/** A request on behalf of one tenant. `tx` is set inside a transaction. */
export interface Ctx {
  deps: Deps;
  tenantId: string;
  actor: Actor;
  tx?: Executor;
  /** Work to do once the open transaction has committed (notifications). */
  afterCommit?: Array<() => void>;
}

export const exec = (ctx: Ctx): Executor => ctx.tx ?? ctx.deps.db;

/** Runs `fn` in a transaction (or the one already open), passing a ctx bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (ctx: Ctx & { tx: Executor }) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn({ ...ctx, tx: ctx.tx });
  const afterCommit: Array<() => void> = [];
  const result = await ctx.deps.db.transaction((tx) => fn({ ...ctx, tx, afterCommit }));
  for (const run of afterCommit) run();
  return result;
}

export const actorUserId = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : null);
