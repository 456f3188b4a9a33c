import { existsSync, rmSync } from "node:fs";
import type { Ctx } from "../../context";
import { tenantKey, sealFile } from "../../recordings/vault";
import { changeCall } from "../calls/internal";
import { enqueueIfEnabled } from "../transcripts/internal";
import { recordingPaths } from "./internal";

/** Seals a finished recording under the tenant's key, attaches it to the call, removes the plain file. */
export async function store({ ctx, input }: { ctx: Ctx; input: { callId: string; durationMs: number; pausedMs?: number; audioStats?: Record<string, number> | null; transcribe?: boolean } }) {
  const paths = recordingPaths(ctx.deps, ctx.tenantId, input.callId);
  if (!existsSync(paths.plain)) return null;
  const audioStats = input.audioStats ?? null;
  await sealFile(paths.plain, paths.sealed, tenantKey(ctx.deps.secret, ctx.tenantId));
  try {
    // One statement (the row and its timeline event): no transaction needed around it.
    await changeCall(ctx, input.callId, { recordingPath: paths.relativeSealed, audioStats }, { type: "recording_stored", data: { durationMs: input.durationMs, ...(input.pausedMs ? { pausedMs: input.pausedMs } : {}) } });
  } catch (e) {
    rmSync(paths.sealed, { force: true });
    throw e;
  }
  rmSync(paths.plain, { force: true });
  // The tenant's switch decides (read again by the insert); `transcribe: false` (it was off when the
  // call started) spares the statement on the call path.
  if (input.transcribe !== false) await enqueueIfEnabled(ctx, input.callId);
  return paths.relativeSealed;
}
