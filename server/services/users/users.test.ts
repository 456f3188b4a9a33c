import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, sessions, users } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant, unique, uniqueEmail } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import { tokenHash } from "../../auth/tokens";
import type * as RecordModule from "../audit/record";
import { recordAudit } from "../audit/record";
import { authenticate } from "../auth/authenticate";
import { login } from "../auth/login";
import * as skillService from "../skills";
import { acceptInvite, create, get, list, remove, update } from ".";
import { userCreate, userUpdate } from "./schemas";

// The real recordAudit, wrapped so a test can make it fail once: the change must then roll back.
vi.mock("../audit/record", async (importOriginal) => {
  const real: typeof RecordModule = await importOriginal();
  return { recordAudit: vi.fn(real.recordAudit) };
});

const PASSWORD = "a-long-password-2";
const newUser = (ctx: Ctx, extra: Record<string, unknown> = {}) =>
  create({ ctx, input: userCreate.parse({ email: uniqueEmail(), name: unique("User"), role: "agent", ...extra }) });
const patchUser = (ctx: Ctx, id: string, patch: Record<string, unknown>) =>
  update({ ctx, input: { id, patch: userUpdate.parse(patch) } });
const tokenOf = (inviteUrl: string | undefined) => (inviteUrl ?? "").replace(/^\/invite\//, "");

describe.each(testDrivers)("users on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ db, deps } = opened));
  beforeEach(() => {
    vi.mocked(recordAudit).mockClear();
  });

  const auditOf = async (ctx: Ctx) =>
    (await db.db.select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId)).orderBy(auditLog.createdAt)).filter((a) =>
      a.action.startsWith("user."),
    );
  const usersOf = (ctx: Ctx) => db.db.select().from(users).where(eq(users.tenantId, ctx.tenantId));
  const rowOf = async (id: string) => (await db.db.select().from(users).where(eq(users.id, id)))[0];

  it("creates an active user with a hashed password, skills and an audit row without the password", async () => {
    const { ctx } = await makeTenant(deps);
    const skill = await skillService.create({ ctx, input: { name: "Billing" } });
    const email = uniqueEmail("ann");
    const out = await newUser(ctx, { email: email.toUpperCase(), password: PASSWORD, skills: [{ skillId: skill.id, level: 7 }], sipUri: "sip:ann@pbx.example.com" });
    expect(out).toMatchObject({ email, role: "agent", status: "active", sipUri: "sip:ann@pbx.example.com", skills: [{ skillId: skill.id, name: "Billing", level: 7 }] });
    expect(out).not.toHaveProperty("inviteUrl");
    expect((await rowOf(out.id))?.passwordHash).toMatch(/^\$argon2id\$/);
    const [audit] = await auditOf(ctx);
    expect(audit).toMatchObject({ action: "user.create", entityId: out.id, actorUserId: ctx.actor.kind === "user" ? ctx.actor.userId : "" });
    expect(JSON.stringify(audit?.data)).not.toContain(PASSWORD);
    const signedIn = await login({ deps, input: { email, password: PASSWORD } });
    expect(signedIn.user.id).toBe(out.id);
    expect(await get({ ctx, input: { id: out.id } })).toEqual(out);
  });

  it("invites a user without a password: the link's token is stored only as an HMAC, accepting signs in once", async () => {
    const { ctx, tenant } = await makeTenant(deps);
    const out = await newUser(ctx, { role: "supervisor" });
    expect(out.status).toBe("invited");
    expect(out.inviteUrl).toMatch(/^\/invite\/[\w-]{40,}$/);
    const token = tokenOf(out.inviteUrl);
    const row = await rowOf(out.id);
    expect(row?.inviteTokenHash).toBe(tokenHash(deps.secret, token));
    expect(row?.passwordHash).toBeNull();
    const days = ((row?.inviteExpiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // An invited user cannot sign in yet, and is not in the list with an invite link.
    await expect(login({ deps, input: { email: out.email, password: PASSWORD } })).rejects.toMatchObject({ code: "invalid_credentials" });
    expect((await list({ ctx })).find((u) => u.id === out.id)).not.toHaveProperty("inviteUrl");

    const accepted = await acceptInvite({ deps, input: { token, password: PASSWORD } });
    expect(accepted.tenant.id).toBe(tenant.id);
    expect(accepted.user).toMatchObject({ id: out.id, role: "supervisor" });
    expect(await authenticate({ deps, input: { kind: "session", token: accepted.session.token } })).not.toBeNull();
    expect(await rowOf(out.id)).toMatchObject({ status: "active", inviteTokenHash: null, inviteExpiresAt: null });
    expect((await auditOf(ctx)).map((a) => a.action)).toEqual(["user.create", "user.accept-invite"]);
    await expect(acceptInvite({ deps, input: { token, password: PASSWORD } })).rejects.toMatchObject({ code: "not_found" });
    expect((await login({ deps, input: { email: out.email, password: PASSWORD } })).user.id).toBe(out.id);
  });

  it("refuses an expired or unknown invite token and changes nothing", async () => {
    const { ctx } = await makeTenant(deps);
    const out = await newUser(ctx);
    const token = tokenOf(out.inviteUrl);
    const later: Deps = { ...deps, now: () => new Date(Date.now() + 8 * 86_400_000) };
    await expect(acceptInvite({ deps: later, input: { token, password: PASSWORD } })).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvite({ deps, input: { token: "not-a-token", password: PASSWORD } })).rejects.toMatchObject({ code: "not_found" });
    expect(await rowOf(out.id)).toMatchObject({ status: "invited", passwordHash: null });
    expect((await auditOf(ctx)).map((a) => a.action)).toEqual(["user.create"]);
  });

  it("refuses a duplicate email (any case, any tenant) with conflict and writes nothing", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const taken = await newUser(a.ctx);
    for (const [ctx, email] of [
      [a.ctx, taken.email.toUpperCase()],
      [b.ctx, taken.email],
      [b.ctx, a.user.email],
    ] as const) {
      const before = { users: (await usersOf(ctx)).length, audit: (await auditOf(ctx)).length };
      await expect(newUser(ctx, { email })).rejects.toMatchObject({ code: "conflict" });
      expect({ users: (await usersOf(ctx)).length, audit: (await auditOf(ctx)).length }).toEqual(before);
    }
  });

  it("rolls back the new user when a later step fails (another tenant's skill): no user, no audit row", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const foreign = await skillService.create({ ctx: b.ctx, input: { name: "Theirs" } });
    const email = uniqueEmail();
    await expect(newUser(a.ctx, { email, skills: [{ skillId: foreign.id, level: 3 }] })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(newUser(a.ctx, { skills: [{ skillId: randomUUID(), level: 3 }] })).rejects.toMatchObject({ code: "validation_failed" });
    expect((await usersOf(a.ctx)).map((u) => u.email)).toEqual([a.user.email]);
    expect(await auditOf(a.ctx)).toEqual([]);
  });

  it("rolls back every change when its audit row cannot be written", async () => {
    const { ctx } = await makeTenant(deps);
    const fail = () => vi.mocked(recordAudit).mockRejectedValueOnce(new Error("audit store down"));
    const email = uniqueEmail();
    fail();
    await expect(newUser(ctx, { email, password: PASSWORD })).rejects.toThrow("audit store down");
    expect((await usersOf(ctx)).some((u) => u.email === email)).toBe(false);

    const user = await newUser(ctx, { name: "Before", password: PASSWORD });
    fail();
    await expect(patchUser(ctx, user.id, { name: "After", status: "disabled" })).rejects.toThrow("audit store down");
    expect(await rowOf(user.id)).toMatchObject({ name: "Before", status: "active" });
    fail();
    await expect(remove({ ctx, input: { id: user.id } })).rejects.toThrow("audit store down");
    expect(await rowOf(user.id)).toBeDefined();
    expect((await auditOf(ctx)).map((a) => a.action)).toEqual(["user.create"]);
  });

  it("updates name, role, SIP URI and replaces skills; the audit row never holds the password", async () => {
    const { ctx } = await makeTenant(deps);
    const [s1, s2] = [await skillService.create({ ctx, input: { name: "A-skill" } }), await skillService.create({ ctx, input: { name: "B-skill" } })];
    const user = await newUser(ctx, { password: PASSWORD, skills: [{ skillId: s1.id, level: 2 }] });
    const out = await patchUser(ctx, user.id, { name: "Renamed", role: "supervisor", sipUri: "sips:desk@pbx.example.com", skills: [{ skillId: s2.id, level: 9 }], password: "another-password-3" });
    expect(out).toMatchObject({ name: "Renamed", role: "supervisor", sipUri: "sips:desk@pbx.example.com", skills: [{ skillId: s2.id, name: "B-skill", level: 9 }] });
    expect((await patchUser(ctx, user.id, { sipUri: null, skills: [] })).skills).toEqual([]);
    const audits = await auditOf(ctx);
    expect(audits.map((a) => a.action)).toEqual(["user.create", "user.update", "user.update"]);
    expect(audits[1]?.data).toMatchObject({ name: "Renamed", passwordChanged: true });
    expect(JSON.stringify(audits)).not.toContain("another-password-3");
    await expect(login({ deps, input: { email: user.email, password: "another-password-3" } })).resolves.toBeDefined();
  });

  it("rolls back an update when a later step fails: name unchanged, no audit row", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const foreign = await skillService.create({ ctx: b.ctx, input: { name: "Theirs" } });
    const user = await newUser(a.ctx, { name: "Kept" });
    await expect(patchUser(a.ctx, user.id, { name: "Changed", skills: [{ skillId: foreign.id, level: 1 }] })).rejects.toMatchObject({ code: "validation_failed" });
    expect((await rowOf(user.id))?.name).toBe("Kept");
    expect((await auditOf(a.ctx)).map((a) => a.action)).toEqual(["user.create"]);
  });

  it("keeps the last active admin: no demotion, disabling or deletion (409); allowed once another admin exists", async () => {
    const { ctx, user: admin } = await makeTenant(deps);
    const invitedAdmin = await newUser(ctx, { role: "admin" }); // an invited admin does not count
    for (const change of [() => patchUser(ctx, admin.id, { role: "agent" }), () => patchUser(ctx, admin.id, { status: "disabled" }), () => remove({ ctx, input: { id: admin.id } })]) {
      await expect(change()).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("last active admin") });
    }
    expect(await rowOf(admin.id)).toMatchObject({ role: "admin", status: "active" });
    expect((await auditOf(ctx)).map((a) => a.action)).toEqual(["user.create"]);

    await patchUser(ctx, invitedAdmin.id, { password: PASSWORD }); // setting a password activates the invited user
    expect((await rowOf(invitedAdmin.id))?.status).toBe("active");
    expect((await patchUser(ctx, admin.id, { role: "agent" })).role).toBe("agent");
    await expect(remove({ ctx, input: { id: invitedAdmin.id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets only one of two concurrent demotions of the last two admins through", async () => {
    const { ctx, user: first } = await makeTenant(deps);
    const second = await newUser(ctx, { role: "admin", password: PASSWORD });
    const results = await Promise.allSettled([patchUser(ctx, first.id, { role: "agent" }), patchUser(ctx, second.id, { role: "supervisor" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const admins = (await usersOf(ctx)).filter((u) => u.role === "admin" && u.status === "active");
    expect(admins).toHaveLength(1);
  });

  it("disabling ends the user's sessions and blocks sign-in; enabling lets them sign in again", async () => {
    const { ctx } = await makeTenant(deps);
    const user = await newUser(ctx, { password: PASSWORD });
    const { session } = await login({ deps, input: { email: user.email, password: PASSWORD } });
    expect((await patchUser(ctx, user.id, { status: "disabled" })).status).toBe("disabled");
    expect(await db.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await authenticate({ deps, input: { kind: "session", token: session.token } })).toBeNull();
    await expect(login({ deps, input: { email: user.email, password: PASSWORD } })).rejects.toMatchObject({ code: "invalid_credentials" });
    expect((await patchUser(ctx, user.id, { status: "active" })).status).toBe("active");
    await expect(login({ deps, input: { email: user.email, password: PASSWORD } })).resolves.toBeDefined();
  });

  it("does not activate an invited user who has no password; disabling revokes the invite", async () => {
    const { ctx } = await makeTenant(deps);
    const user = await newUser(ctx);
    await expect(patchUser(ctx, user.id, { status: "active" })).rejects.toMatchObject({ code: "validation_failed" });
    expect((await rowOf(user.id))?.status).toBe("invited");
    await patchUser(ctx, user.id, { status: "disabled" });
    await expect(acceptInvite({ deps, input: { token: tokenOf(user.inviteUrl), password: PASSWORD } })).rejects.toMatchObject({ code: "not_found" });
    expect(await rowOf(user.id)).toMatchObject({ status: "disabled", inviteTokenHash: null });
  });

  it("deletes a user, ending their sessions, with an audit row", async () => {
    const { ctx } = await makeTenant(deps);
    const user = await newUser(ctx, { password: PASSWORD });
    const { session } = await login({ deps, input: { email: user.email, password: PASSWORD } });
    await remove({ ctx, input: { id: user.id } });
    expect(await rowOf(user.id)).toBeUndefined();
    expect(await authenticate({ deps, input: { kind: "session", token: session.token } })).toBeNull();
    expect((await auditOf(ctx)).at(-1)).toMatchObject({ action: "user.delete", entityId: user.id, data: { email: user.email } });
    await expect(get({ ctx, input: { id: user.id } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists only the tenant's users and answers another tenant's user as not found, changing nothing", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const theirs = await newUser(b.ctx, { name: "Theirs", password: PASSWORD });
    expect((await list({ ctx: a.ctx })).map((u) => u.id)).toEqual([a.user.id]);
    await expect(get({ ctx: a.ctx, input: { id: theirs.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(patchUser(a.ctx, theirs.id, { name: "Stolen", status: "disabled" })).rejects.toMatchObject({ code: "not_found" });
    await expect(remove({ ctx: a.ctx, input: { id: theirs.id } })).rejects.toMatchObject({ code: "not_found" });
    expect(await rowOf(theirs.id)).toMatchObject({ name: "Theirs", status: "active" });
    expect(await db.db.select().from(auditLog).where(and(eq(auditLog.tenantId, a.ctx.tenantId), eq(auditLog.entityId, theirs.id)))).toEqual([]);
  });

  it("validates input at the schema: role, password length, skill levels, duplicates, SIP URI, unknown fields", () => {
    const base = { email: uniqueEmail(), name: "X", role: "agent" };
    const bad = [
      { ...base, role: "owner" },
      { ...base, password: "short" },
      { ...base, skills: [{ skillId: randomUUID(), level: 11 }] },
      { ...base, skills: [{ skillId: "nope", level: 1 }] },
      { ...base, skills: [{ skillId: base.email, level: 1 }] },
      { ...base, sipUri: "http://example.com" },
      { ...base, extra: true },
      { ...base, email: "not-an-email" },
    ];
    for (const input of bad) expect(userCreate.safeParse(input).success, JSON.stringify(input)).toBe(false);
    const id = randomUUID();
    expect(userCreate.safeParse({ ...base, skills: [{ skillId: id, level: 1 }, { skillId: id, level: 2 }] }).success).toBe(false);
    expect(userUpdate.safeParse({ status: "invited" }).success).toBe(false);
    expect(userUpdate.safeParse({ email: "x@example.test" }).success).toBe(false);
  });
});
