import { z } from "zod";

/** Query string of GET /audit-log (values arrive as strings). */
export const auditQuery = z.strictObject({
  limit: z.coerce.number<string>().int("must be a whole number").min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntryOut = z.object({
  id: z.uuid(),
  action: z.string(),
  entityId: z.uuid().nullable(),
  /** Who made the change; `name` is absent when the user or key has since been deleted. */
  actor: z
    .object({ type: z.enum(["user", "api-key"]), id: z.uuid(), name: z.string().optional() })
    .nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type AuditEntryOut = z.infer<typeof auditEntryOut>;
