import type { Ctx } from "../../context";
import { getQueueInTenant, toQueueOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toQueueOut(ctx, await getQueueInTenant(ctx, input.id));
}
