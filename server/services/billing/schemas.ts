import { z } from "zod";
import { SUBSCRIPTION_STATUSES } from "@/db/schema/billing";

export const checkoutInput = z.strictObject({ seats: z.number().int().min(1).max(10_000) });
export const urlOut = z.object({ url: z.url() });
export const billingOut = z.union([
  z.object({ enabled: z.literal(false), seatsUsed: z.number() }),
  z.object({
    enabled: z.literal(true),
    seatsUsed: z.number(),
    seatsPaid: z.number(),
    status: z.enum(SUBSCRIPTION_STATUSES).nullable(),
    live: z.boolean(),
    currentPeriodEnd: z.iso.datetime().nullable(),
    hasCustomer: z.boolean(),
  }),
]);
