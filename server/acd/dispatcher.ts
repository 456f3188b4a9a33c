/**
 * Runs routing for this process: a kick (a call queued, an agent free, an offer ended) plans
 * the tenant's offers at once; a sweep every second expires overdue offers and ends breaks and
 * after-call work on any node's behalf, and re-plans tenants with waiting calls (a missed kick
 * or another node's crash costs at most a second).
 */
import type { Db } from "@/db/client";
import { type Deps, inTransaction, systemCtx } from "../context";
import { moveAgent } from "../services/agents/internal";
import { overflowDue } from "../services/calls/overflow";
import { releaseOffer } from "../services/calls/release-offer";
import { agentsDue, claimOffer, loadSnapshot, overdueOffers, tenantsWithWaitingCalls } from "./edge";
import { planOffers } from "./plan-offers";
import { logError } from "../log";

export interface Dispatcher {
  kick(tenantId: string): void;
  /** One sweep now (tests). */
  sweep(): Promise<void>;
  /** Resolves when no routing pass is running (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createDispatcher(deps: Deps, opts: { sweepMs?: number; log?: (msg: string, e?: unknown) => void } = {}): Dispatcher {
  const db: Db = deps.db;
  const log = opts.log ?? ((msg, e) => logError("acd", msg, e));
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let closed = false;

  async function route(tenantId: string): Promise<void> {
    const snap = await loadSnapshot(db, tenantId);
    if (snap.calls.length === 0) return;
    const queueOf = new Map(snap.calls.map((c) => [c.callId, c.queueId]));
    for (const a of planOffers(snap.calls, snap.queues, snap.agents)) {
      const queue = snap.queues.get(queueOf.get(a.callId) ?? "");
      if (queue) await claimOffer(deps, tenantId, a, queue);
    }
  }

  function kick(tenantId: string): void {
    if (closed) return;
    if (running.has(tenantId)) {
      again.add(tenantId); // coalesce: one more pass after the current one
      return;
    }
    const run = route(tenantId)
      .catch((e: unknown) => log(`routing tenant ${tenantId} failed`, e))
      .finally(() => {
        running.delete(tenantId);
        if (again.delete(tenantId)) kick(tenantId);
      });
    running.set(tenantId, run);
  }

  async function sweep(): Promise<void> {
    const now = deps.now();
    for (const o of await overdueOffers(db, now)) {
      await inTransaction(systemCtx(deps, o.tenantId), (ctx) => releaseOffer(ctx, o.id, "missed"));
    }
    for (const a of await agentsDue(db, now)) {
      await inTransaction(systemCtx(deps, a.tenantId), (ctx) => moveAgent(ctx, a.userId, "available", { from: [a.state] }));
    }
    await overflowDue(deps);
    for (const tenantId of await tenantsWithWaitingCalls(db)) kick(tenantId);
  }

  let sweeping: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (sweeping || closed) return;
    sweeping = sweep()
      .catch((e: unknown) => log("sweep failed", e))
      .finally(() => {
        sweeping = null;
      });
  }, opts.sweepMs ?? 1000);
  timer.unref();

  return {
    kick,
    sweep,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.allSettled([...running.values(), sweeping]);
    },
  };
}
