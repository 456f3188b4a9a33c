import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { billingAccounts, tenants, users } from "@/db/schema";
import type { Role } from "@/db/schema";
import { type Ctx, actorUserId, exec } from "../../context";
import { AppError } from "../../errors";

/** Agents and supervisors hold seats; admins who only administer do not. */
export const SEAT_ROLES: readonly Role[] = ["agent", "supervisor"];

export async function accountOf(ctx: Ctx) {
  const [row] = await exec(ctx).select().from(billingAccounts).where(eq(billingAccounts.tenantId, ctx.tenantId));
  return row ?? null;
}

export async function seatsUsed(ctx: Ctx, exceptUserId?: string): Promise<number> {
  const [row] = await exec(ctx)
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.tenantId, ctx.tenantId),
        inArray(users.role, [...SEAT_ROLES]),
        ne(users.status, "disabled"),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

/** Whether the subscription still carries calls: paying, trialing, or past due within the grace period. */
export function subscriptionLive(account: { status: string | null; pastDueSince: Date | null } | null, graceDays: number, now: Date): boolean {
  if (!account?.status) return false;
  if (account.status === "active" || account.status === "trialing") return true;
  if (account.status === "past_due") return account.pastDueSince !== null && now.getTime() - account.pastDueSince.getTime() < graceDays * 86_400_000;
  return false;
}

/**
 * Throws 402 seat_limit when the user would take a seat the tenant has not paid for. Takes the
 * tenant row lock so two admins adding agents at once cannot both get the last seat.
 */
export async function assertSeatFor(ctx: Ctx & { tx: Executor }, user: { id?: string; role: Role; status: string }): Promise<void> {
  if (!ctx.deps.billing || !SEAT_ROLES.includes(user.role) || user.status === "disabled") return;
  await ctx.tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, ctx.tenantId)).for("update");
  const account = await accountOf(ctx);
  const paid = subscriptionLive(account, ctx.deps.billing.graceDays, ctx.deps.now()) ? (account?.seats ?? 0) : 0;
  const used = await seatsUsed(ctx, user.id);
  if (used + 1 > paid) {
    throw new AppError(
      "seat_limit",
      paid === 0
        ? "Your organization has no paid seats yet. Subscribe under Admin, Billing to add agents and supervisors."
        : `All ${paid} paid seats are taken. Add seats under Admin, Billing (Manage subscription), or disable a user first.`,
    );
  }
}

export const billingOff = () => new AppError("conflict", "Billing is off on this server (self-hosted: no Stripe key configured, seats are unlimited)");

/** The tenant's Stripe customer, created on first use (tenant id in its metadata). */
export async function ensureCustomer(ctx: Ctx): Promise<string> {
  const billing = ctx.deps.billing;
  if (!billing) throw billingOff();
  const existing = await accountOf(ctx);
  if (existing) return existing.stripeCustomerId;
  const [tenant] = await exec(ctx).select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId));
  const userId = actorUserId(ctx);
  const [user] = userId ? await exec(ctx).select({ email: users.email }).from(users).where(eq(users.id, userId)) : [];
  // Stripe's idempotency key makes a retried or racing creation return the same customer.
  const customerId = await billing.provider.createCustomer({ tenantId: ctx.tenantId, name: tenant?.name ?? ctx.tenantId, email: user?.email ?? null });
  await exec(ctx).insert(billingAccounts).values({ tenantId: ctx.tenantId, stripeCustomerId: customerId }).onConflictDoNothing();
  return (await accountOf(ctx))?.stripeCustomerId ?? customerId;
}

/** Where Stripe sends the browser back: PUBLIC_URL, else the origin the request came from. */
export const billingBase = (ctx: Ctx, origin: string) => ctx.deps.billing?.publicUrl ?? origin;

/** Whether the tenant takes new calls: billing off, or a live subscription. */
export async function takesCalls(ctx: Ctx): Promise<boolean> {
  if (!ctx.deps.billing) return true;
  return subscriptionLive(await accountOf(ctx), ctx.deps.billing.graceDays, ctx.deps.now());
}
