import type { Ctx } from "../../context";
import { getWebhookInTenant, webhookOutOf } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return webhookOutOf(ctx, await getWebhookInTenant(ctx, input.id));
}
