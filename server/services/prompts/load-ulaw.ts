import type { Ctx } from "../../context";
import { getPromptUlawInTenant } from "./internal";

/** The raw G.711 mu-law samples (8 kHz mono) of one of the tenant's prompts, for playing on a call. */
export async function loadUlaw({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Buffer> {
  return (await getPromptUlawInTenant(ctx, input.id)).ulaw;
}
