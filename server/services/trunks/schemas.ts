import { z } from "zod";
import { SIP_TRANSPORTS, TRUNK_HEALTH } from "@/db/schema/telephony";
import { checkAddressOrCidr } from "../../telephony/addresses";

export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number like +14155550100");
const address = z.string().trim().superRefine((v, c) => {
  const problem = checkAddressOrCidr(v);
  if (problem) c.addIssue({ code: "custom", message: problem });
});
const host = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, "must be a host name or IP address");
const credential = z.string().min(1).max(128);

const trunkFields = {
  name: z.string().trim().min(1, "is required").max(80),
  inboundAddresses: z.array(address).max(50),
  inboundAuth: z.strictObject({ username: credential, password: credential }).nullable(),
  outbound: z
    .strictObject({
      host,
      port: z.number().int().min(1).max(65535).default(5060),
      transport: z.enum(SIP_TRANSPORTS).default("udp"),
      username: credential.optional(),
      password: credential.optional(),
      callerId: e164,
    })
    .nullable(),
};

export const trunkCreate = z
  .strictObject({
    name: trunkFields.name,
    inboundAddresses: trunkFields.inboundAddresses.default([]),
    inboundAuth: trunkFields.inboundAuth.default(null),
    outbound: trunkFields.outbound.default(null),
  })
  .refine((t) => t.inboundAddresses.length > 0 || t.inboundAuth !== null || t.outbound !== null, {
    message: "a trunk needs inboundAddresses, inboundAuth or outbound",
    path: ["inboundAddresses"],
  });
export const trunkUpdate = z.strictObject(trunkFields).partial();
export type TrunkCreate = z.infer<typeof trunkCreate>;
export type TrunkUpdate = z.infer<typeof trunkUpdate>;

export const trunkOut = z.object({
  id: z.uuid(),
  name: z.string(),
  inboundAddresses: z.array(z.string()),
  inboundAuth: z.object({ username: z.string() }).nullable(),
  outbound: z
    .object({ host: z.string(), port: z.number(), transport: z.enum(SIP_TRANSPORTS), username: z.string().nullable(), hasPassword: z.boolean(), callerId: z.string() })
    .nullable(),
  health: z.object({ status: z.enum(TRUNK_HEALTH), checkedAt: z.iso.datetime().nullable(), rttMs: z.number().nullable() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TrunkOut = z.infer<typeof trunkOut>;
