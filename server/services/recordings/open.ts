import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { openSealed, tenantKey } from "../../recordings/vault";
import { getCallInTenant } from "../calls/internal";
import { absolute } from "./internal";

/** The decrypted WAV of a call's recording, chunk by chunk (never another tenant's: not found). */
export async function open({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const call = await getCallInTenant(ctx, input.id);
  if (!call.recordingPath) throw new AppError("not_found", "This call has no recording (recording off, still in progress, or deleted after the retention period)");
  return openSealed(absolute(ctx.deps, call.recordingPath), tenantKey(ctx.deps.secret, ctx.tenantId));
}
