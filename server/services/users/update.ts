import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../audit/record";
import { SEAT_ROLES, assertSeatFor } from "../billing/internal";
import { assertAnotherActiveAdmin, endSessions, getUserInTenant, setUserSkills, toUserOut } from "./internal";
import type { UserUpdate } from "./schemas";

type UserRow = typeof users.$inferSelect;

/** The status after the patch; setting a password on an invited user activates them. */
function nextStatus(existing: UserRow, patch: UserUpdate, hasPassword: boolean): UserRow["status"] {
  if (patch.status === "disabled") return "disabled";
  if (patch.status === "active" || (patch.password && existing.status === "invited")) {
    if (!hasPassword) {
      throw new AppError(
        "validation_failed",
        "status: this user has no password yet; they become active by accepting their invite, or set a password",
        { field: "status" },
      );
    }
    return "active";
  }
  return existing.status;
}

export async function update({ ctx, input }: { ctx: Ctx; input: { id: string; patch: UserUpdate } }) {
  const { password, ...patch } = input.patch;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return inTransaction(ctx, async (ctx) => {
    const existing = await getUserInTenant(ctx, input.id);
    const status = nextStatus(existing, input.patch, Boolean(passwordHash ?? existing.passwordHash));
    const wasActiveAdmin = existing.role === "admin" && existing.status === "active";
    if (wasActiveAdmin && (status !== "active" || (patch.role ?? "admin") !== "admin")) {
      await assertAnotherActiveAdmin(ctx, existing.id, status !== "active" ? "disabled" : "demoted");
    }
    const role = patch.role ?? existing.role;
    const heldSeat = SEAT_ROLES.includes(existing.role) && existing.status !== "disabled";
    if (!heldSeat) await assertSeatFor(ctx, { id: existing.id, role, status });
    const leavesInvite = existing.status === "invited" && status !== "invited";
    const [row] = await ctx.tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.sipUri !== undefined ? { sipUri: patch.sipUri } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(leavesInvite ? { inviteTokenHash: null, inviteExpiresAt: null } : {}),
        status,
        updatedAt: ctx.deps.now(),
      })
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, existing.id)))
      .returning();
    if (!row) throw new Error("user update returned nothing");
    if (patch.skills) await setUserSkills(ctx, row.id, patch.skills);
    if (status === "disabled" && existing.status !== "disabled") await endSessions(ctx, row.id);
    await recordAudit(ctx, {
      action: "user.update",
      entityId: row.id,
      data: { ...patch, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return toUserOut(ctx, row);
  });
}
