import { and, eq, isNotNull } from "drizzle-orm";
import { trunks } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Ctx } from "../../context";
import { unseal } from "../../crypto/sealed";
import { AppError } from "../../errors";

export interface OutboundDial {
  trunkId: string;
  callerId: string;
  target: { host: string; port: number; transport: "udp" | "tcp" };
  fromUser: string;
  /** Unsealed for this one use; never stored or logged. */
  auth: { username: string; password: string } | undefined;
}

/**
 * The tenant's trunk for a call out (the one named, else the first by name that has outbound
 * settings) and what the gateway needs to dial through it.
 */
export async function outboundTrunk(ctx: Ctx & { tx: Executor }, trunkId?: string): Promise<OutboundDial> {
  const [trunk] = await ctx.tx
    .select()
    .from(trunks)
    .where(and(eq(trunks.tenantId, ctx.tenantId), isNotNull(trunks.outbound), trunkId ? eq(trunks.id, trunkId) : undefined))
    .orderBy(trunks.name)
    .limit(1);
  if (!trunk?.outbound) throw new AppError("conflict", "No trunk places outbound calls: add one under Admin, Trunks");
  const o = trunk.outbound;
  return {
    trunkId: trunk.id,
    callerId: o.callerId,
    target: { host: o.host, port: o.port, transport: o.transport },
    fromUser: o.callerId,
    auth: o.username && o.passwordSealed ? { username: o.username, password: unseal(ctx.deps.secret, o.passwordSealed) } : undefined,
  };
}
