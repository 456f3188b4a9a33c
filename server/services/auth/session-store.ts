import { and, eq, gt } from "drizzle-orm";
import { sessions, tenants, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Deps } from "../../context";
import { randomToken, tokenHash } from "../../auth/tokens";

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export async function openSession(deps: Deps, db: Executor, user: { id: string; tenantId: string }) {
  const token = randomToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ id: tokenHash(deps.secret, token), tenantId: user.tenantId, userId: user.id, expiresAt });
  return { token, expiresAt };
}

/** The active user and tenant behind a session token, or null. */
export async function findSession(deps: Deps, token: string) {
  const [row] = await deps.db
    .select({ user: users, tenant: tenants })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.tenantId, sessions.tenantId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.id, tokenHash(deps.secret, token)), gt(sessions.expiresAt, deps.now()), eq(users.status, "active")))
    .limit(1);
  return row ?? null;
}

export const closeSession = (deps: Deps, token: string) =>
  deps.db.delete(sessions).where(eq(sessions.id, tokenHash(deps.secret, token)));
