import { eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { Ctx, Deps } from "../../context";
import { tokenHash } from "../../auth/tokens";
import { findSession } from "./session-store";

export type Credentials = { kind: "session"; token: string } | { kind: "api-key"; key: string };

export interface Authenticated {
  ctx: Ctx;
  via: Credentials["kind"];
  user: { id: string; email: string; name: string; role: "admin" | "supervisor" | "agent" } | null;
  tenant: { id: string; slug: string; name: string } | null;
}

/** Resolves credentials to a tenant-scoped context, or null when they are not valid. */
export async function authenticate({ deps, input }: { deps: Deps; input: Credentials }): Promise<Authenticated | null> {
  if (input.kind === "session") {
    const found = await findSession(deps, input.token);
    if (!found) return null;
    const { user, tenant } = found;
    return {
      ctx: { deps, tenantId: tenant.id, actor: { kind: "user", userId: user.id, role: user.role } },
      via: "session",
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    };
  }
  const [key] = await deps.db.select().from(apiKeys).where(eq(apiKeys.keyHash, tokenHash(deps.secret, input.key))).limit(1);
  if (!key) return null;
  // Last use is informational: one write a minute at most, never blocking the request.
  if (!key.lastUsedAt || deps.now().getTime() - key.lastUsedAt.getTime() > 60_000) {
    void deps.db.update(apiKeys).set({ lastUsedAt: deps.now() }).where(eq(apiKeys.id, key.id)).catch(() => {});
  }
  return {
    ctx: { deps, tenantId: key.tenantId, actor: { kind: "api-key", apiKeyId: key.id, role: "admin" } },
    via: "api-key",
    user: null,
    tenant: null,
  };
}
