import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, sessions, users } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant, uniqueEmail } from "@/test/factories";
import type { Deps } from "../../context";
import { authenticate } from "./authenticate";
import { login } from "./login";
import { logout } from "./logout";
import { signup } from "./signup";

describe.each(testDrivers)("accounts on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ db, deps } = opened));

  it("signup creates a tenant, its admin with a hashed password, an audit row and a session", async () => {
    const email = uniqueEmail();
    const out = await signup({ deps, input: { organization: "Acme Support", name: "Ann", email, password: "a-long-password-1" } });
    expect(out.tenant.slug).toMatch(/^acme-support/);
    expect(out.user).toMatchObject({ email, role: "admin" });
    const [row] = await db.db.select().from(users).where(eq(users.id, out.user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.db.select().from(auditLog).where(eq(auditLog.tenantId, out.tenant.id));
    expect(audit.map((a) => a.action)).toEqual(["tenant.signup"]);
    const found = await authenticate({ deps, input: { kind: "session", token: out.session.token } });
    expect(found?.ctx).toMatchObject({ tenantId: out.tenant.id, actor: { kind: "user", userId: out.user.id, role: "admin" } });
  });

  it("a second tenant with the same organization name gets its own slug", async () => {
    const a = await signup({ deps, input: { organization: "Same Name", name: "A", email: uniqueEmail(), password: "a-long-password-1" } });
    const b = await signup({ deps, input: { organization: "Same Name", name: "B", email: uniqueEmail(), password: "a-long-password-1" } });
    expect(a.tenant.slug).not.toBe(b.tenant.slug);
  });

  it("refuses a duplicate email (any case) and creates nothing", async () => {
    const { user } = await makeTenant(deps);
    const before = (await db.db.select().from(users)).length;
    await expect(
      signup({ deps, input: { organization: "Other", name: "X", email: user.email.toUpperCase().toLowerCase(), password: "a-long-password-1" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await db.db.select().from(users)).length).toBe(before);
  });

  it("login checks the password; logout ends the session", async () => {
    const { user } = await makeTenant(deps);
    await expect(login({ deps, input: { email: user.email, password: "wrong-password" } })).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(login({ deps, input: { email: "nobody@example.test", password: "whatever" } })).rejects.toMatchObject({ code: "invalid_credentials" });
    const ok = await login({ deps, input: { email: user.email, password: "a-long-password-1" } });
    expect(await authenticate({ deps, input: { kind: "session", token: ok.session.token } })).not.toBeNull();
    await logout({ deps, input: { token: ok.session.token } });
    expect(await authenticate({ deps, input: { kind: "session", token: ok.session.token } })).toBeNull();
  });

  it("stores sessions as HMACs and rejects expired ones", async () => {
    const { session } = await makeTenant(deps);
    const stored = await db.db.select().from(sessions);
    expect(stored.some((s) => s.id === session.token)).toBe(false);
    const later: Deps = { ...deps, now: () => new Date(Date.now() + 15 * 24 * 3600 * 1000) };
    expect(await authenticate({ deps: later, input: { kind: "session", token: session.token } })).toBeNull();
  });
});
