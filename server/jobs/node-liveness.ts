/**
 * Which nodes are alive, so that a node lost for good does not leave its calls open for ever
 * (their agents "In call", their callers counted as talking). Each node taking calls beats every
 * quarter of its NODE_LOST_SECONDS (its row's `seen_at` is the database's now(), so nodes' clocks never
 * disagree); every node looks for rows silent for longer than their own node's setting
 * (NODE_LOST_SECONDS, kept in the row) and takes each over: one claim
 * wins (the row's `seen_at` moves to now in the same statement, a lease), the winner ends the
 * calls the lost node held as `node_lost` (recordings sealed when DATA_DIR is shared) and removes
 * its row. A winner that dies midway leaves the row stale again, and another finishes the job.
 */
import { and, eq, lt, ne, sql } from "drizzle-orm";
import { nodes } from "@/db/schema";
import type { Deps } from "../context";
import { endOrphans } from "../services/calls";
import { startRounds } from "./rounds";

/**
 * This node is alive, and is lost after `lostAfterSec` of silence. `false` when its row had gone:
 * another node declared it lost meanwhile.
 */
export async function beat(deps: Deps, lostAfterSec: number): Promise<boolean> {
  const seen = await deps.db.update(nodes).set({ seenAt: sql`now()`, lostAfterSec }).where(eq(nodes.id, deps.nodeId)).returning({ id: nodes.id });
  if (seen.length > 0) return true;
  await deps.db.insert(nodes).values({ id: deps.nodeId, lostAfterSec }).onConflictDoUpdate({ target: nodes.id, set: { seenAt: sql`now()`, lostAfterSec } });
  return false;
}

/** Ends the calls of every other node silent for longer than its own setting; returns what it took over. */
export async function takeOverLost(deps: Deps): Promise<Array<{ nodeId: string; calls: number }>> {
  const claimed = await deps.db
    .update(nodes)
    .set({ seenAt: sql`now()` })
    .where(and(ne(nodes.id, deps.nodeId), lt(nodes.seenAt, sql`now() - make_interval(secs => ${nodes.lostAfterSec})`)))
    .returning({ id: nodes.id });
  const taken: Array<{ nodeId: string; calls: number }> = [];
  for (const { id } of claimed) {
    taken.push({ nodeId: id, calls: await endOrphans(deps, "node_lost", id) });
    await deps.db.delete(nodes).where(eq(nodes.id, id));
  }
  return taken;
}

/** Registers this node (it beats from now on) and starts looking for lost ones. */
export async function startNodeLiveness(
  deps: Deps,
  opts: {
    lostAfterSec: number;
    /** This node's row had gone (it was declared lost, and its calls ended, while it still ran). */
    onDeclaredLost: () => Promise<void>;
    log: (msg: string, e?: unknown) => void;
  },
) {
  await beat(deps, opts.lostAfterSec);
  const rounds = startRounds({
    intervalMs: (opts.lostAfterSec * 1000) / 4,
    onError: (e) => opts.log("node liveness round failed", e),
    async round() {
      if (!(await beat(deps, opts.lostAfterSec))) await opts.onDeclaredLost();
      for (const t of await takeOverLost(deps)) opts.log(`node ${t.nodeId} stopped beating: declared lost, ${t.calls} of its calls ended`);
    },
  });
  return {
    /** Stops beating (the row stays until `leave`: a stopping node's calls are still its own). */
    close: rounds.close,
    /** Removes this node's row, once its calls are ended (a clean stop). */
    async leave() {
      await deps.db.delete(nodes).where(eq(nodes.id, deps.nodeId));
    },
  };
}
