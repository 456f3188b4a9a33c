import type { Ctx } from "../../context";
import { getContactInTenant, toContactOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toContactOut(await getContactInTenant(ctx, input.id));
}
