import type { Ctx } from "../../context";
import { getTrunkInTenant, toTrunkOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toTrunkOut(await getTrunkInTenant(ctx, input.id));
}
