import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { Deps } from "../context";
import { unseal } from "../crypto/sealed";
import { postOnce } from "./post";
import { signatureHeader } from "./signature";
import { startRounds } from "../jobs/rounds";
import { logError } from "../log";

export { verifySignature } from "./signature";

/** Waits after failed attempts 1..6; a seventh failure gives the delivery up (`failed`). */
export const BACKOFF_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000] as const;

export interface DeliveryOptions {
  backoffMs?: readonly number[];
  /** How long a receiver has to answer (10 s). */
  timeoutMs?: number;
  /** Deliveries claimed per round (20). */
  batchSize?: number;
  /** How long a claimed delivery is this node's; after a crash it is due again then (60 s). */
  leaseMs?: number;
  /** Only this tenant's deliveries (tests that share a database). */
  only?: { tenantId: string };
  /** Aborts requests in flight (shutdown); their deliveries are left due, not counted as attempts. */
  signal?: AbortSignal;
  /** Loopback, private and link-local targets too (WEBHOOKS_ALLOW_PRIVATE; tests). Default: public only. */
  allowPrivate?: boolean;
}

/** A node that cannot unseal a secret (another APP_SECRET) leaves the delivery to the others this long. */
const UNREADABLE_RETRY_MS = 5_000;
const UNREADABLE_GIVE_UP_MS = 86_400_000;

type Claimed = Awaited<ReturnType<typeof claim>>[number];
type Outcome = { status: number | null; error: string | null } | "stopped";

/**
 * One round: claims up to `batchSize` due deliveries of any tenant (SKIP LOCKED, so nodes never
 * take the same one) by moving their due time past the lease, sends them concurrently, and
 * records each outcome. All state is in webhook_deliveries, so a restart just carries on.
 * Returns how many were claimed.
 */
export async function deliverDue(deps: Deps, opts: DeliveryOptions = {}): Promise<number> {
  const claimed = await claim(deps, opts);
  await Promise.all(claimed.map((d) => attempt(deps, d, opts)));
  return claimed.length;
}

async function claim(deps: Deps, opts: DeliveryOptions) {
  const now = deps.now();
  const due = deps.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        opts.only ? eq(webhookDeliveries.tenantId, opts.only.tenantId) : undefined,
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(opts.batchSize ?? 20)
    .for("update", { skipLocked: true });
  return deps.db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + (opts.leaseMs ?? 60_000)) })
    .from(webhooks)
    .where(and(inArray(webhookDeliveries.id, due), eq(webhooks.id, webhookDeliveries.webhookId)))
    .returning({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      createdAt: webhookDeliveries.createdAt,
      url: webhooks.url,
      secretSealed: webhooks.secretSealed,
      active: webhooks.active,
    });
}

async function attempt(deps: Deps, d: Claimed, opts: DeliveryOptions): Promise<void> {
  const now = deps.now();
  if (!d.active) return settle(deps, d.id, { status: "failed", lastError: "Not sent: the webhook was disabled" });
  let secret: string;
  try {
    secret = unseal(deps.secret, d.secretSealed);
  } catch {
    const lastError = "This node cannot read the webhook's secret: is APP_SECRET the same on every node?";
    if (now.getTime() - d.createdAt.getTime() > UNREADABLE_GIVE_UP_MS) return settle(deps, d.id, { status: "failed", lastError });
    return settle(deps, d.id, { nextAttemptAt: new Date(now.getTime() + UNREADABLE_RETRY_MS), lastError });
  }
  const body = JSON.stringify(d.payload);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "Hotline-Webhooks/1",
    "Hotline-Event": d.eventType,
    "Hotline-Delivery": d.id,
    "Hotline-Signature": signatureHeader(secret, body, Math.floor(now.getTime() / 1000)),
  };
  const outcome = await post(d.url, body, headers, opts);
  const done = deps.now();
  // Shutting down: due again at once, for this node after a restart or for another one.
  if (outcome === "stopped") return settle(deps, d.id, { nextAttemptAt: done });
  const attempts = d.attempts + 1;
  if (outcome.error === null) {
    return settle(deps, d.id, { status: "delivered", attempts, lastStatus: outcome.status, lastError: null, deliveredAt: done });
  }
  const wait = (opts.backoffMs ?? BACKOFF_MS)[attempts - 1];
  return settle(deps, d.id, {
    attempts,
    lastStatus: outcome.status,
    lastError: outcome.error,
    ...(wait === undefined ? { status: "failed" as const } : { nextAttemptAt: new Date(done.getTime() + wait) }),
  });
}

async function settle(deps: Deps, id: string, set: Partial<typeof webhookDeliveries.$inferInsert>): Promise<void> {
  await deps.db
    .update(webhookDeliveries)
    .set(set)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "pending")));
}

/** POSTs once (see post.ts); a 2xx is success, anything else an error worth a retry. */
async function post(url: string, body: string, headers: Record<string, string>, opts: DeliveryOptions): Promise<Outcome> {
  const out = await postOnce(url, body, headers, { timeoutMs: opts.timeoutMs ?? 10_000, allowPrivate: opts.allowPrivate ?? false, signal: opts.signal });
  if (out === "stopped" || out.error !== null || out.status === null) return out === "stopped" ? out : { status: out.status, error: out.error };
  if (out.status >= 200 && out.status < 300) return { status: out.status, error: null };
  const redirect = out.status >= 300 && out.status < 400 ? ` (redirect to ${out.location ?? "no location"} not followed)` : "";
  return { status: out.status, error: `HTTP ${out.status}${redirect}`.slice(0, 500) };
}

/**
 * The delivery loop: a round every `intervalMs` (1 s), rounds back to back while they come back
 * full. `close()` stops it, aborting requests in flight, and waits for the round to finish.
 */
export function startWebhookDelivery(deps: Deps, opts: DeliveryOptions & { intervalMs?: number } = {}): { close(): Promise<void> } {
  const { close } = startRounds({
    intervalMs: opts.intervalMs ?? 1_000,
    signal: opts.signal,
    onError: (e) => logError("webhooks", "delivery round failed", e),
    async round(signal) {
      let claimed: number;
      do claimed = await deliverDue(deps, { ...opts, signal });
      while (!signal.aborted && claimed >= (opts.batchSize ?? 20));
    },
  });
  return { close };
}
