import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { queueDeliveries } from "../../webhooks/emit";
import { getWebhookInTenant, toDeliveryOut } from "./internal";

/** Queues a `ping` event to this one webhook; the delivery loop sends it within a second or so. */
export async function sendTest({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const webhook = await getWebhookInTenant(ctx, input.id);
  if (!webhook.active) throw new AppError("conflict", "This webhook is disabled: enable it to send a test");
  const [row] = await queueDeliveries(ctx, [webhook.id], "ping", { webhookId: webhook.id, message: "A test event from Hotline: your endpoint is reachable." });
  if (!row) throw new Error("test delivery insert returned nothing");
  return toDeliveryOut(row);
}
