import { existsSync, statSync } from "node:fs";
import { and, eq, inArray, ne } from "drizzle-orm";
import { calls } from "@/db/schema";
import { type Deps, systemCtx } from "../../context";
import { recordingPaths } from "../recordings/internal";
import { store } from "../recordings/store";
import { end } from "./end";

/** Stereo 16-bit 8 kHz: 32 bytes a millisecond after the 44-byte header. */
const wavMs = (path: string) => Math.max(0, Math.round((statSync(path).size - 44) / 32));

/**
 * Calls a node left open and can no longer carry: this node's own after a restart (a previous
 * run's), or a lost node's. Their records end now. A recording cut short (written as it went, so
 * it holds all but its last second) is sealed and attached like any other when its file is here
 * (several nodes share DATA_DIR).
 */
export async function endOrphans(deps: Deps, reason: string, nodeId = deps.nodeId): Promise<number> {
  const open = await deps.db
    .select({ id: calls.id, tenantId: calls.tenantId })
    .from(calls)
    .where(and(eq(calls.nodeId, nodeId), ne(calls.state, "ended")));
  for (const c of open) {
    const ctx = systemCtx(deps, c.tenantId);
    await end({ ctx, input: { callId: c.id, reason } });
    const plain = recordingPaths(deps, c.tenantId, c.id).plain;
    if (existsSync(plain)) await store({ ctx, input: { callId: c.id, durationMs: wavMs(plain) } });
  }
  return open.length;
}

/** Which of `callIds` have ended records: another node ended them while this one held them (it had declared this one lost). */
export async function endedAmong(deps: Deps, callIds: string[]): Promise<Set<string>> {
  if (callIds.length === 0) return new Set();
  const rows = await deps.db
    .select({ id: calls.id })
    .from(calls)
    .where(and(inArray(calls.id, callIds), eq(calls.state, "ended")));
  return new Set(rows.map((r) => r.id));
}
