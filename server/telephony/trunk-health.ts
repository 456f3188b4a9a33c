/**
 * OPTIONS keep-alive to every outbound trunk this node can see, every `everyMs`: the result
 * (up/down, round trip) is stored on the trunk for the API and the admin console. Nodes share
 * the work loosely: a trunk checked within the interval by any node is skipped.
 */
import { and, isNotNull, lt, or, isNull, eq } from "drizzle-orm";
import { trunks } from "@/db/schema";
import type { Deps } from "../context";
import { startRounds } from "../jobs/rounds";

export type Ping = (target: { host: string; port: number; transport: "udp" | "tcp" }) => Promise<{ ok: boolean; rttMs?: number }>;

export function startTrunkHealth(deps: Deps, ping: Ping, opts: { everyMs?: number; log?: (msg: string, e?: unknown) => void } = {}) {
  const everyMs = opts.everyMs ?? 30_000;

  async function round(): Promise<void> {
    const due = new Date(deps.now().getTime() - everyMs / 2);
    const rows = await deps.db
      .select({ id: trunks.id, tenantId: trunks.tenantId, name: trunks.name, outbound: trunks.outbound, health: trunks.health })
      .from(trunks)
      .where(and(isNotNull(trunks.outbound), or(isNull(trunks.healthCheckedAt), lt(trunks.healthCheckedAt, due))));
    await Promise.all(
      rows.map(async (t) => {
        if (!t.outbound) return;
        const r = await ping({ host: t.outbound.host, port: t.outbound.port, transport: t.outbound.transport }).catch(() => ({ ok: false, rttMs: undefined }));
        // A trunk going down is worth a line once, not at every unanswered OPTIONS.
        if (!r.ok && t.health === "up") opts.log?.(`trunk ${t.id} (${t.name}, tenant ${t.tenantId}) stopped answering OPTIONS`);
        await deps.db
          .update(trunks)
          .set({ health: r.ok ? "up" : "down", healthCheckedAt: deps.now(), healthRttMs: r.ok && r.rttMs !== undefined ? Math.round(r.rttMs) : null })
          .where(and(eq(trunks.tenantId, t.tenantId), eq(trunks.id, t.id)));
      }),
    );
  }

  const rounds = startRounds({ intervalMs: everyMs, round, onError: (e) => opts.log?.("trunk health round failed", e) });
  rounds.kick();
  return {
    /** One round now (tests). */
    round,
    stop: rounds.close,
  };
}
