import type { Ctx } from "../../context";
import { getFlowInTenant, toFlowOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toFlowOut(ctx, await getFlowInTenant(ctx, input.id));
}
