import { eq } from "drizzle-orm";
import type { z } from "zod";
import { tenants } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record";
import { get } from "./get";
import type { settingsUpdate } from "./schemas";

export async function update({ ctx, input }: { ctx: Ctx; input: z.infer<typeof settingsUpdate> }) {
  if (input.transcriptionEnabled && !ctx.deps.speechToText) {
    throw new AppError("conflict", "Transcription is not available on this server: no speech-to-text provider is configured (see TRANSCRIPTION)");
  }
  return inTransaction(ctx, async (ctx) => {
    await ctx.tx.update(tenants).set(input).where(eq(tenants.id, ctx.tenantId));
    await recordAudit(ctx, { action: "settings.update", entityId: ctx.tenantId, data: { ...input } });
    return get({ ctx });
  });
}
