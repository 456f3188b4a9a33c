import { z } from "zod";
import { DESTINATION_TYPES } from "@/db/schema/telephony";
import { e164 } from "../trunks/schemas";

const destination = z.strictObject({ type: z.enum(DESTINATION_TYPES), id: z.uuid() });

export const numberCreate = z.strictObject({ number: e164, destination });
export const numberUpdate = z.strictObject({ destination });
export type NumberCreate = z.infer<typeof numberCreate>;
export type NumberUpdate = z.infer<typeof numberUpdate>;

export const numberOut = z.object({
  id: z.uuid(),
  number: z.string(),
  destination: z.object({ type: z.enum(DESTINATION_TYPES), id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type NumberOut = z.infer<typeof numberOut>;
