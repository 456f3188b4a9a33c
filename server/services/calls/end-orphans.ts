import { existsSync, statSync } from "node:fs";
import { and, eq, ne } from "drizzle-orm";
import { calls } from "@/db/schema";
import { type Deps, systemCtx } from "../../context";
import { recordingPaths } from "../recordings/internal";
import { store } from "../recordings/store";
import { end } from "./end";

/** Stereo 16-bit 8 kHz: 32 bytes a millisecond after the 44-byte header. */
const wavMs = (path: string) => Math.max(0, Math.round((statSync(path).size - 44) / 32));

/**
 * Calls a previous run of this node left open: they cannot go on, so their records end now. A
 * recording the crash interrupted (written as it went, so it holds all but its last second) is
 * sealed and attached like any other.
 */
export async function endOrphans(deps: Deps, reason: string): Promise<number> {
  const open = await deps.db
    .select({ id: calls.id, tenantId: calls.tenantId })
    .from(calls)
    .where(and(eq(calls.nodeId, deps.nodeId), ne(calls.state, "ended")));
  for (const c of open) {
    const ctx = systemCtx(deps, c.tenantId);
    await end({ ctx, input: { callId: c.id, reason } });
    const plain = recordingPaths(deps, c.tenantId, c.id).plain;
    if (existsSync(plain)) await store({ ctx, input: { callId: c.id, durationMs: wavMs(plain) } });
  }
  return open.length;
}
