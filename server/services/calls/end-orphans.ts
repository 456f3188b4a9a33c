import { and, eq, ne } from "drizzle-orm";
import { calls } from "@/db/schema";
import { type Deps, systemCtx } from "../../context";
import { end } from "./end";

/** Calls a previous run of this node left open: they cannot go on, so their records end now. */
export async function endOrphans(deps: Deps, reason: string): Promise<number> {
  const open = await deps.db
    .select({ id: calls.id, tenantId: calls.tenantId })
    .from(calls)
    .where(and(eq(calls.nodeId, deps.nodeId), ne(calls.state, "ended")));
  for (const c of open) await end({ ctx: systemCtx(deps, c.tenantId), input: { callId: c.id, reason } });
  return open.length;
}
