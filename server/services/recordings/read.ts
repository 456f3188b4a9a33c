import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { indexSealed, readSealed, tenantKey } from "../../recordings/vault";
import { getCallInTenant } from "../calls/internal";
import { absolute } from "./internal";

/**
 * A call's recording (a WAV) for playing: its length, and any byte range of it decrypted as it
 * streams, so a browser can seek (never another tenant's: not found).
 */
export async function read({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const call = await getCallInTenant(ctx, input.id);
  if (!call.recordingPath) throw new AppError("not_found", "This call has no recording (recording off, still in progress, or deleted after the retention period)");
  const path = absolute(ctx.deps, call.recordingPath);
  const index = await indexSealed(path);
  const key = tenantKey(ctx.deps.secret, ctx.tenantId);
  return {
    size: index.size,
    /** Bytes `start`..`end`, inclusive. */
    bytes: (start: number, end: number) => readSealed(path, key, index, start, end),
  };
}
