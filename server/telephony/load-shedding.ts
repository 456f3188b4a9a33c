/**
 * Load shedding: a node whose event loop falls behind (a 50 ms probe timer fired more than
 * `lagMs` late within the last second) is overloaded, and the SIP gateway answers new INVITEs
 * 503 with Retry-After, so a SIP load balancer or the carrier tries another node. Past its
 * capacity, a node that took every call anyway made them all wait, and most of them failed;
 * shedding keeps the calls it has working. It stays overloaded until a whole second passes with
 * the probe less than half of `lagMs` late.
 */
import { performance } from "node:perf_hooks";

const PROBE_MS = 50;

export function startLoadShedding(opts: { lagMs: number; log: (msg: string) => void; everyMs?: number }) {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  probe.unref();
  let overloaded = false;
  const judge = setInterval(() => {
    // The probe may not have run since a stall that ended just now: count the time since it did.
    const lag = Math.max(worst, performance.now() - last - PROBE_MS);
    worst = 0;
    const next = opts.lagMs > 0 && (overloaded ? lag >= opts.lagMs / 2 : lag > opts.lagMs);
    if (next === overloaded) return;
    overloaded = next;
    opts.log(next ? `overloaded (event loop ${Math.round(lag)} ms behind): new calls get 503 until it keeps up` : `no longer overloaded (event loop ${Math.round(lag)} ms behind at most): taking new calls`);
  }, opts.everyMs ?? 1000);
  judge.unref();
  return {
    overloaded: () => overloaded,
    close() {
      clearInterval(probe);
      clearInterval(judge);
    },
  };
}
