import type { Ctx } from "../../context";
import { getNumberInTenant, toNumberOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toNumberOut(ctx, await getNumberInTenant(ctx, input.id));
}
