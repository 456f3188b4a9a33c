import { z } from "zod";

export const email = z.email("must be a valid email address").max(254).transform((v) => v.toLowerCase());
export const password = z.string().min(10, "must be at least 10 characters").max(200);
export const personName = z.string().trim().min(1, "is required").max(120);

export const signupInput = z.strictObject({
  organization: z.string().trim().min(2, "must be at least 2 characters").max(120),
  name: personName,
  email,
  password,
});
export type SignupInput = z.infer<typeof signupInput>;

export const loginInput = z.strictObject({ email, password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof loginInput>;

export const tenantOut = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
export const sessionUserOut = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["admin", "supervisor", "agent"]),
});
export const signupOut = z.object({ tenant: tenantOut, user: sessionUserOut });
export const meOut = signupOut;
