import type { Ctx } from "../../context";
import { getHoursInTenant, toHoursOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toHoursOut(ctx, await getHoursInTenant(ctx, input.id));
}
