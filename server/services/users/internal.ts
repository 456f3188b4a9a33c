import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { sessions, skills, tenants, userSkills, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import { type Ctx, type Deps, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import { randomToken, tokenHash } from "../../auth/tokens";
import { assertSkillsInTenant } from "../skills/internal";
import type { UserOut } from "./schemas";

type UserRow = typeof users.$inferSelect;
type TxCtx = Ctx & { tx: Executor };

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export async function getUserInTenant(ctx: Ctx, unverifiedId: string): Promise<UserRow> {
  const [row] = await exec(ctx)
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, unverifiedId)));
  if (!row) throw notFound("User");
  return row;
}

export const emailTaken = () => new AppError("conflict", "A user with this email already exists");

/** Emails are unique across tenants (login is by email alone). `email` is already lower-case. */
export async function assertEmailFree(ctx: Ctx, email: string): Promise<void> {
  const [taken] = await exec(ctx).select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  if (taken) throw emailTaken();
}

/** Replaces the user's skills; every skill must be this tenant's. */
export async function setUserSkills(ctx: TxCtx, userId: string, list: Array<{ skillId: string; level: number }>) {
  await assertSkillsInTenant(ctx, list.map((s) => s.skillId));
  await ctx.tx.delete(userSkills).where(and(eq(userSkills.tenantId, ctx.tenantId), eq(userSkills.userId, userId)));
  if (list.length === 0) return;
  await ctx.tx
    .insert(userSkills)
    .values(list.map((s) => ({ tenantId: ctx.tenantId, userId, skillId: s.skillId, level: s.level })));
}

/**
 * Refuses a change that would leave the tenant without an active admin. The tenant row is
 * locked first, so two concurrent demotions of the last two admins cannot both pass.
 */
export async function assertAnotherActiveAdmin(ctx: TxCtx, userId: string, what: string): Promise<void> {
  await ctx.tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, ctx.tenantId)).for("update");
  const [other] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, userId)))
    .limit(1);
  if (!other) {
    throw new AppError("conflict", `This is the last active admin of the organization: it cannot be ${what}. Make another user an admin first.`);
  }
}

/** Signs the user out everywhere. */
export const endSessions = (ctx: TxCtx, userId: string) =>
  ctx.tx.delete(sessions).where(and(eq(sessions.tenantId, ctx.tenantId), eq(sessions.userId, userId)));

/** A fresh invite: the token goes in the link, only its HMAC is stored. */
export function newInvite(deps: Deps) {
  const token = randomToken();
  return {
    url: `/invite/${token}`,
    hash: tokenHash(deps.secret, token),
    expiresAt: new Date(deps.now().getTime() + INVITE_TTL_MS),
  };
}

/** User rows with their skills, in the API's shape. */
export async function toUsersOut(ctx: Ctx, rows: UserRow[]): Promise<UserOut[]> {
  if (rows.length === 0) return [];
  const skillRows = await exec(ctx)
    .select({ userId: userSkills.userId, skillId: userSkills.skillId, level: userSkills.level, name: skills.name })
    .from(userSkills)
    .innerJoin(skills, and(eq(skills.id, userSkills.skillId), eq(skills.tenantId, userSkills.tenantId)))
    .where(and(eq(userSkills.tenantId, ctx.tenantId), inArray(userSkills.userId, rows.map((r) => r.id))))
    .orderBy(asc(skills.name));
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    sipUri: u.sipUri,
    skills: skillRows.filter((s) => s.userId === u.id).map((s) => ({ skillId: s.skillId, name: s.name, level: s.level })),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  }));
}

export async function toUserOut(ctx: Ctx, row: UserRow): Promise<UserOut> {
  const [out] = await toUsersOut(ctx, [row]);
  if (!out) throw new Error("toUsersOut returned nothing");
  return out;
}
