import { and, eq, gt } from "drizzle-orm";
import { tenants, users } from "@/db/schema";
import type { Deps } from "../../context";
import { AppError } from "../../errors";
import { hashPassword } from "../../auth/password";
import { tokenHash } from "../../auth/tokens";
import { recordAudit } from "../audit/record";
import { openSession } from "../auth/session-store";
import type { InviteAccept } from "./schemas";

/**
 * Redeems an invite link: the invited user sets a password, becomes active and is signed in.
 * The token is the only credential, so it is looked up by its HMAC across tenants (like login);
 * the row lock makes a second, concurrent use of the same link fail.
 */
export async function acceptInvite({ deps, input }: { deps: Deps; input: InviteAccept }) {
  const passwordHash = await hashPassword(input.password);
  const hash = tokenHash(deps.secret, input.token);
  return deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ user: users, tenant: tenants })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(users.inviteTokenHash, hash), eq(users.status, "invited"), gt(users.inviteExpiresAt, deps.now())))
      .for("update", { of: users });
    if (!found) throw new AppError("not_found", "This invite link is not valid: it was already used, revoked or has expired");
    const { tenant } = found;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, status: "active", inviteTokenHash: null, inviteExpiresAt: null, updatedAt: deps.now() })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, found.user.id)))
      .returning();
    if (!user) throw new Error("user update returned nothing");
    const ctx = { deps, tenantId: tenant.id, actor: { kind: "user", userId: user.id, role: user.role } as const, tx };
    await recordAudit(ctx, { action: "user.accept-invite", entityId: user.id, data: { email: user.email } });
    const session = await openSession(deps, tx, user);
    return {
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      session,
    };
  });
}
