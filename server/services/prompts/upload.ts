import { prompts } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { AppError, isUniqueViolation } from "../../errors";
import { convertPrompt } from "../../prompts/convert";
import { PromptAudioError } from "../../prompts/errors";
import { recordAudit } from "../audit/record";
import { promptColumns, promptTaken, toPromptOut } from "./internal";
import type { PromptUpload } from "./schemas";

/** Converts a WAV or MP3 to 8 kHz G.711 mu-law and stores it under a name unique in the tenant. */
export async function upload({ ctx, input }: { ctx: Ctx; input: PromptUpload }) {
  const { name } = input;
  const originalName = input.originalName?.trim().slice(0, 255) || null;
  let audio;
  try {
    audio = await convertPrompt(input.bytes);
  } catch (e) {
    if (!(e instanceof PromptAudioError)) throw e;
    if (e.problem === "too_large") throw new AppError("payload_too_large", `file: ${e.message}`);
    throw new AppError("validation_failed", `file: ${e.message}`, { issues: [{ path: "file", message: e.message }] });
  }
  try {
    return await inTransaction(ctx, async (ctx) => {
      const [row] = await ctx.tx
        .insert(prompts)
        .values({ tenantId: ctx.tenantId, name, originalName, durationMs: audio.durationMs, ulaw: audio.ulaw })
        .returning(promptColumns);
      if (!row) throw new Error("prompt insert returned nothing");
      await recordAudit(ctx, { action: "prompt.create", entityId: row.id, data: { name: row.name, originalName, durationMs: row.durationMs } });
      return toPromptOut(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw promptTaken(name);
    throw e;
  }
}
