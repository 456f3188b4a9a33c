import { z } from "zod";
import { DELIVERY_STATUS, WEBHOOK_EVENTS } from "@/db/schema/integrations";

export const WEBHOOK_URL_MAX = 2000;

/** An http(s) URL without credentials in it (the signature proves the sender; the URL carries no secret login). */
const webhookUrl = z
  .string()
  .trim()
  .min(1, "is required")
  .max(WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX.toLocaleString("en-US")} characters`)
  .superRefine((value, c) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      c.addIssue({ code: "custom", message: "must be a full URL like https://example.com/hotline-events" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") c.addIssue({ code: "custom", message: "must start with http:// or https://" });
    if (url.username || url.password) c.addIssue({ code: "custom", message: "must not contain a user name or password; check the Hotline-Signature header instead" });
  });

const fields = {
  url: webhookUrl,
  description: z.string().trim().max(200).nullable(),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(", ")}` }))
    .min(1, "choose at least one event")
    .max(WEBHOOK_EVENTS.length * 2),
  active: z.boolean(),
};

export const webhookCreate = z.strictObject({
  url: fields.url,
  description: fields.description.default(null),
  events: fields.events,
  active: fields.active.default(true),
});
export const webhookUpdate = z.strictObject(fields).partial();
export type WebhookCreate = z.infer<typeof webhookCreate>;
export type WebhookUpdate = z.infer<typeof webhookUpdate>;

export const deliveryOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  /** One of the subscribed events, or `ping` for a test. */
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUS),
  attempts: z.number(),
  /** The receiver's HTTP status on the last attempt (null when it could not be reached). */
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type DeliveryOut = z.infer<typeof deliveryOut>;

export const webhookOut = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  lastDelivery: deliveryOut.pick({ id: true, eventType: true, status: true, lastStatus: true, attempts: true, createdAt: true }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookOut = z.infer<typeof webhookOut>;

/** Create and rotate-secret: the only answers that carry the signing secret. */
export const webhookWithSecretOut = webhookOut.extend({ secret: z.string() });
export type WebhookWithSecretOut = z.infer<typeof webhookWithSecretOut>;
