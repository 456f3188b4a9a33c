import type { Ctx } from "../../context";
import { getUserInTenant, toUserOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toUserOut(ctx, await getUserInTenant(ctx, input.id));
}
