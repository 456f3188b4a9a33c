import type { Ctx } from "../../context";
import { getTicketInTenant, toTicketOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toTicketOut(ctx, await getTicketInTenant(ctx, input.id));
}
