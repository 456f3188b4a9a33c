import { decodeG711 } from "@/media/rtp/g711";
import type { Ctx } from "../../context";
import { PHONE_RATE } from "@/media/rtp/resample";
import { pcmWav } from "../../prompts/wav-file";
import { getPromptUlawInTenant } from "./internal";

/** The prompt as a 16-bit PCM WAV file (8 kHz mono, exactly what callers hear) for preview in a browser. */
export async function audio({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<{ name: string; wav: Buffer }> {
  const { row, ulaw } = await getPromptUlawInTenant(ctx, input.id);
  return { name: row.name, wav: pcmWav(decodeG711("pcmu", ulaw), PHONE_RATE) };
}
