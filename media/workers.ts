/**
 * A pool of mediasoup workers, one per core. Each worker owns a slice of the RTP port range;
 * routers go to the least-loaded worker; a worker that dies is replaced at once in its slot.
 */
import { availableParallelism } from "node:os";
import { createWorker } from "mediasoup";
import type { Router, RouterOptions, Worker, WorkerLogLevel } from "mediasoup/types";
import { MediaError } from "./errors";

export interface WorkerPoolOptions {
  /** Number of workers; defaults to one per core. */
  workers?: number;
  rtcMinPort?: number;
  rtcMaxPort?: number;
  logLevel?: WorkerLogLevel;
  /** Told when a worker died (after its replacement was asked for). */
  onWorkerDied?: (info: { pid: number; error: Error }) => void;
}

export interface WorkerStats {
  pid: number;
  rtcMinPort: number;
  rtcMaxPort: number;
  routers: number;
  transports: number;
}

interface Slot {
  index: number;
  rtcMinPort: number;
  rtcMaxPort: number;
  worker: Worker | undefined;
  routers: number;
  pending: number;
  transports: number;
}

export class WorkerPool {
  private closed = false;
  private constructor(
    private readonly slots: Slot[],
    private readonly options: WorkerPoolOptions,
  ) {}

  static async create(options: WorkerPoolOptions = {}): Promise<WorkerPool> {
    const count = options.workers ?? availableParallelism();
    const min = options.rtcMinPort ?? 40000;
    const max = options.rtcMaxPort ?? 49999;
    if (!Number.isInteger(count) || count < 1 || count > 64) {
      throw new MediaError("bad_parameter", `workers must be an integer from 1 to 64, got ${count}`);
    }
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1024 || max > 65535 || max < min) {
      throw new MediaError("bad_parameter", `bad RTP port range ${min}-${max}`);
    }
    const per = Math.floor((max - min + 1) / count);
    if (per < 2) throw new MediaError("bad_parameter", `RTP port range ${min}-${max} too small for ${count} workers`);
    const slots: Slot[] = Array.from({ length: count }, (_, index) => ({
      index,
      rtcMinPort: min + index * per,
      rtcMaxPort: min + (index + 1) * per - 1,
      worker: undefined,
      routers: 0,
      pending: 0,
      transports: 0,
    }));
    const pool = new WorkerPool(slots, options);
    try {
      await Promise.all(slots.map((slot) => pool.start(slot)));
    } catch (err) {
      pool.close();
      throw err;
    }
    return pool;
  }

  /** A router on the live worker with the fewest routers (those being created count too). */
  async createRouter(options: RouterOptions): Promise<{ router: Router; worker: Worker }> {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (!slot.worker || slot.worker.closed) continue;
      if (!best || slot.routers + slot.pending < best.routers + best.pending) best = slot;
    }
    if (this.closed || !best?.worker) throw new MediaError("no_worker", "no media worker is available");
    const slot = best;
    const worker = best.worker;
    slot.pending++;
    try {
      return { router: await worker.createRouter(options), worker };
    } finally {
      slot.pending--;
    }
  }

  stats(): WorkerStats[] {
    return this.slots.map((s) => ({
      pid: s.worker?.pid ?? 0,
      rtcMinPort: s.rtcMinPort,
      rtcMaxPort: s.rtcMaxPort,
      routers: s.routers,
      transports: s.transports,
    }));
  }

  workers(): Worker[] {
    return this.slots.flatMap((s) => (s.worker && !s.worker.closed ? [s.worker] : []));
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) slot.worker?.close();
  }

  private async start(slot: Slot): Promise<void> {
    const worker = await createWorker({
      rtcMinPort: slot.rtcMinPort,
      rtcMaxPort: slot.rtcMaxPort,
      logLevel: this.options.logLevel ?? "warn",
    });
    if (this.closed) {
      worker.close();
      return;
    }
    keepSignalsToServer(worker);
    slot.worker = worker;
    slot.routers = 0;
    slot.transports = 0;
    this.count(slot, worker);
    worker.on("died", (error) => {
      if (slot.worker === worker) slot.worker = undefined;
      slot.routers = 0;
      slot.transports = 0;
      if (!this.closed) this.replace(slot);
      this.options.onWorkerDied?.({ pid: worker.pid, error });
    });
  }

  private replace(slot: Slot, attempt = 0): void {
    this.start(slot).catch(() => {
      // The port slice can stay busy for a moment after a crash: retry with a short back-off.
      if (!this.closed && attempt < 20) setTimeout(() => this.replace(slot, attempt + 1), 100 * (attempt + 1)).unref();
    });
  }

  /** Live router and transport counts from mediasoup's observer events. */
  private count(slot: Slot, worker: Worker): void {
    const alive = () => slot.worker === worker;
    worker.observer.on("newrouter", (router: Router) => {
      if (alive()) slot.routers++;
      router.observer.on("close", () => {
        if (alive()) slot.routers--;
      });
      router.observer.on("newtransport", (transport) => {
        if (alive()) slot.transports++;
        transport.observer.on("close", () => {
          if (alive()) slot.transports--;
        });
      });
    });
  }
}

/**
 * mediasoup 3.27's Worker closes itself on the process's first SIGINT or SIGTERM (`process.once`
 * with its `onSignal`). That would end every live call at once and defeat the server's graceful
 * drain, which decides when calls end and then closes the pool itself: the listeners go.
 */
function keepSignalsToServer(worker: Worker): void {
  const onSignal = (worker as unknown as { onSignal?: (signal: NodeJS.Signals) => void }).onSignal;
  if (typeof onSignal !== "function") return;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
}
