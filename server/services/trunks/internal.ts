import { and, eq } from "drizzle-orm";
import { trunks, type TrunkOutbound } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { seal } from "../../crypto/sealed";
import { AppError, notFound } from "../../errors";
import type { TrunkCreate, TrunkOut } from "./schemas";

export type TrunkRow = typeof trunks.$inferSelect;

export async function getTrunkInTenant(ctx: Ctx, unverifiedId: string): Promise<TrunkRow> {
  const [row] = await exec(ctx)
    .select()
    .from(trunks)
    .where(and(eq(trunks.tenantId, ctx.tenantId), eq(trunks.id, unverifiedId)));
  if (!row) throw notFound("Trunk");
  return row;
}

export const trunkNameTaken = (name: string) => new AppError("conflict", `A trunk named "${name}" already exists`);

/** The columns for inbound auth and outbound settings, passwords sealed. */
export function trunkSecrets(ctx: Ctx, input: Partial<Pick<TrunkCreate, "inboundAuth" | "outbound">>, previous?: TrunkRow) {
  const out: { inboundUsername?: string | null; inboundPasswordSealed?: string | null; outbound?: TrunkOutbound | null } = {};
  if (input.inboundAuth !== undefined) {
    out.inboundUsername = input.inboundAuth?.username ?? null;
    out.inboundPasswordSealed = input.inboundAuth ? seal(ctx.deps.secret, input.inboundAuth.password) : null;
  }
  if (input.outbound !== undefined) {
    const o = input.outbound;
    out.outbound = o
      ? {
          host: o.host,
          port: o.port,
          transport: o.transport,
          username: o.username ?? null,
          // An update that leaves the password out keeps the one already stored.
          passwordSealed: o.password ? seal(ctx.deps.secret, o.password) : (previous?.outbound?.passwordSealed ?? null),
          callerId: o.callerId,
        }
      : null;
  }
  return out;
}

export const toTrunkOut = (t: TrunkRow): TrunkOut => ({
  id: t.id,
  name: t.name,
  inboundAddresses: t.inboundAddresses,
  inboundAuth: t.inboundUsername ? { username: t.inboundUsername } : null,
  outbound: t.outbound
    ? {
        host: t.outbound.host,
        port: t.outbound.port,
        transport: t.outbound.transport,
        username: t.outbound.username,
        hasPassword: t.outbound.passwordSealed !== null,
        callerId: t.outbound.callerId,
      }
    : null,
  health: { status: t.health, checkedAt: t.healthCheckedAt?.toISOString() ?? null, rttMs: t.healthRttMs },
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
