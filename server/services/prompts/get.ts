import type { Ctx } from "../../context";
import { getPromptInTenant, toPromptOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toPromptOut(await getPromptInTenant(ctx, input.id));
}
