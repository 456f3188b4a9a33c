import { users } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { isUniqueViolation } from "../../errors";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../audit/record";
import { assertSeatFor } from "../billing/internal";
import { assertEmailFree, emailTaken, newInvite, setUserSkills, toUserOut } from "./internal";
import type { UserCreate, UserCreateOut } from "./schemas";

/** Adds a user to the tenant; without a password the user is invited and gets an invite link. */
export async function create({ ctx, input }: { ctx: Ctx; input: UserCreate }): Promise<UserCreateOut> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const invite = input.password ? null : newInvite(ctx.deps);
  try {
    return await inTransaction(ctx, async (ctx) => {
      await assertEmailFree(ctx, input.email);
      await assertSeatFor(ctx, { role: input.role, status: invite ? "invited" : "active" });
      const [row] = await ctx.tx
        .insert(users)
        .values({
          tenantId: ctx.tenantId,
          email: input.email,
          name: input.name,
          role: input.role,
          status: invite ? "invited" : "active",
          passwordHash,
          inviteTokenHash: invite?.hash ?? null,
          inviteExpiresAt: invite?.expiresAt ?? null,
          sipUri: input.sipUri ?? null,
        })
        .returning();
      if (!row) throw new Error("user insert returned nothing");
      if (input.skills) await setUserSkills(ctx, row.id, input.skills);
      await recordAudit(ctx, {
        action: "user.create",
        entityId: row.id,
        data: { email: row.email, name: row.name, role: row.role, invited: invite !== null },
      });
      const out = await toUserOut(ctx, row);
      return invite ? { ...out, inviteUrl: invite.url } : out;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}
