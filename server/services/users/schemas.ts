import { z } from "zod";
import { ROLES, USER_STATUSES } from "@/db/schema";
import { email, password, personName } from "../auth/schemas";

export const role = z.enum(ROLES);

export const userSkillsInput = z
  .array(z.strictObject({ skillId: z.uuid(), level: z.int().min(1).max(10) }))
  .max(200)
  .refine((list) => new Set(list.map((s) => s.skillId)).size === list.length, "a skill is listed twice");

/** A SIP address an agent can be reached on instead of the browser: `sip:` or `sips:` URI. */
export const sipUri = z
  .string()
  .trim()
  .max(255)
  .regex(/^sips?:[^\s<>"]+$/i, 'must be a SIP URI such as "sip:alice@pbx.example.com"')
  .nullable();

export const userCreate = z.strictObject({
  email,
  name: personName,
  role,
  /** Without a password the user is invited and sets one through the invite link. */
  password: password.optional(),
  skills: userSkillsInput.optional(),
  sipUri: sipUri.optional(),
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.strictObject({
  name: personName.optional(),
  role: role.optional(),
  password: password.optional(),
  skills: userSkillsInput.optional(),
  sipUri: sipUri.optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
export type UserUpdate = z.infer<typeof userUpdate>;

export const userOut = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  status: z.enum(USER_STATUSES),
  sipUri: z.string().nullable(),
  skills: z.array(z.object({ skillId: z.uuid(), name: z.string(), level: z.int() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserOut = z.infer<typeof userOut>;

/** Only the create response carries the invite link, and only for an invited user. */
export const userCreateOut = userOut.extend({ inviteUrl: z.string().optional() });
export type UserCreateOut = z.infer<typeof userCreateOut>;

/** POST /invites/accept: the token from the invite link and the password the user chooses. */
export const inviteAccept = z.strictObject({ token: z.string().min(1, "is required").max(200), password });
export type InviteAccept = z.infer<typeof inviteAccept>;
