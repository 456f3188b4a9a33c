import { z } from "zod";

export const skillCreate = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80),
  description: z.string().trim().max(500).optional(),
});
export const skillUpdate = skillCreate.partial();
export type SkillCreate = z.infer<typeof skillCreate>;
export type SkillUpdate = z.infer<typeof skillUpdate>;

export const skillOut = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SkillOut = z.infer<typeof skillOut>;
