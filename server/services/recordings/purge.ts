import { rmSync } from "node:fs";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { calls, tenants, transcripts } from "@/db/schema";
import { type Deps, inTransaction, systemCtx } from "../../context";
import { changeCall } from "../calls/internal";
import { absolute } from "./internal";

/** Deletes recordings older than their tenant's retention (files first, then the reference). */
export async function purgeExpired(deps: Deps): Promise<number> {
  const due = await deps.db
    .select({ id: calls.id, tenantId: calls.tenantId, path: calls.recordingPath })
    .from(calls)
    .innerJoin(tenants, eq(tenants.id, calls.tenantId))
    .where(and(isNotNull(calls.recordingPath), sql`${calls.startedAt} + make_interval(days => ${tenants.recordingRetentionDays}) < ${deps.now().toISOString()}::timestamptz`))
    .limit(1000);
  for (const r of due) {
    if (r.path) rmSync(absolute(deps, r.path), { force: true });
    // The transcript is the recording's words: it goes with it.
    await inTransaction(systemCtx(deps, r.tenantId), async (ctx) => {
      await ctx.tx.delete(transcripts).where(and(eq(transcripts.tenantId, r.tenantId), eq(transcripts.callId, r.id)));
      await changeCall(ctx, r.id, { recordingPath: null }, { type: "recording_deleted", data: { reason: "retention" } });
    });
  }
  return due.length;
}
