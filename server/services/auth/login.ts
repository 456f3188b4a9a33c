import { and, eq, sql } from "drizzle-orm";
import { tenants, users } from "@/db/schema";
import { AppError } from "../../errors";
import type { Deps } from "../../context";
import { dummyHash, verifyPassword } from "../../auth/password";
import type { LoginInput } from "./schemas";
import { openSession } from "./session-store";

/** Checks email and password and opens a session. One message for every failure. */
export async function login({ deps, input }: { deps: Deps; input: LoginInput }) {
  const [row] = await deps.db
    .select({ user: users, tenant: tenants })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(sql`lower(${users.email}) = ${input.email}`, eq(users.status, "active")))
    .limit(1);
  const ok = await verifyPassword(row?.user.passwordHash ?? (await dummyHash()), input.password);
  if (!row || !ok) throw new AppError("invalid_credentials", "Email or password is incorrect.");
  const session = await openSession(deps, deps.db, row.user);
  return {
    tenant: { id: row.tenant.id, slug: row.tenant.slug, name: row.tenant.name },
    user: { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role },
    session,
  };
}
