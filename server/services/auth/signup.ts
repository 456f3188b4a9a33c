import { eq, sql } from "drizzle-orm";
import { tenants, users } from "@/db/schema";
import { AppError, isUniqueViolation } from "../../errors";
import type { Deps } from "../../context";
import { hashPassword } from "../../auth/password";
import { randomToken } from "../../auth/tokens";
import { recordAudit } from "../audit/record";
import type { SignupInput } from "./schemas";
import { openSession } from "./session-store";

const slugify = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "team";

/** Creates a tenant, its first admin and a session for that admin, in one transaction. */
export async function signup({ deps, input }: { deps: Deps; input: SignupInput }) {
  const passwordHash = await hashPassword(input.password);
  const base = slugify(input.organization);
  try {
    return await deps.db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (taken) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
      const [clash] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, base));
      const slug = clash ? `${base}-${randomToken(4).toLowerCase().replace(/[^a-z0-9]/g, "x")}` : base;
      const [tenant] = await tx.insert(tenants).values({ slug, name: input.organization }).returning();
      if (!tenant) throw new Error("tenant insert returned nothing");
      const [user] = await tx
        .insert(users)
        .values({ tenantId: tenant.id, email: input.email, name: input.name, role: "admin", passwordHash })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
      const ctx = { deps, tenantId: tenant.id, actor: { kind: "user", userId: user.id, role: "admin" } as const, tx };
      await recordAudit(ctx, { action: "tenant.signup", entityId: tenant.id, data: { slug, email: user.email } });
      const session = await openSession(deps, tx, user);
      return {
        tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
        user: { id: user.id, email: user.email, name: user.name, role: user.role },
        session,
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    throw e;
  }
}
