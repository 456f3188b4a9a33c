import { existsSync, rmSync } from "node:fs";
import { type Ctx, inTransaction } from "../../context";
import { tenantKey, sealFile } from "../../recordings/vault";
import { changeCall, getCallInTenant } from "../calls/internal";
import { recordingPaths } from "./internal";

/** Seals a finished recording under the tenant's key, attaches it to the call, removes the plain file. */
export async function store({ ctx, input }: { ctx: Ctx; input: { callId: string; durationMs: number; audioStats?: Record<string, number> | null } }) {
  const call = await getCallInTenant(ctx, input.callId);
  const paths = recordingPaths(ctx.deps, ctx.tenantId, call.id);
  if (!existsSync(paths.plain)) return null;
  const audioStats = input.audioStats ?? null;
  sealFile(paths.plain, paths.sealed, tenantKey(ctx.deps.secret, ctx.tenantId));
  await inTransaction(ctx, (ctx) =>
    changeCall(ctx, call.id, { recordingPath: paths.relativeSealed, audioStats }, { type: "recording_stored", data: { durationMs: input.durationMs } }),
  );
  rmSync(paths.plain, { force: true });
  return paths.relativeSealed;
}
