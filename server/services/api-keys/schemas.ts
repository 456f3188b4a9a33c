import { z } from "zod";

export const apiKeyCreate = z.strictObject({ name: z.string().trim().min(1, "is required").max(80) });
export type ApiKeyCreate = z.infer<typeof apiKeyCreate>;

export const apiKeyOut = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiKeyOut = z.infer<typeof apiKeyOut>;

/** The create response: the only time the key itself is shown. */
export const apiKeyCreatedOut = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  key: z.string(),
  createdAt: z.iso.datetime(),
});
export type ApiKeyCreatedOut = z.infer<typeof apiKeyCreatedOut>;
