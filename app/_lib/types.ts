// Response shapes of the REST API, taken from the same zod schemas the server validates with.
export type { SkillOut as Skill } from "@/server/services/skills/schemas";
export type { UserOut as User, UserCreateOut as CreatedUser } from "@/server/services/users/schemas";
export type { QueueOut as Queue } from "@/server/services/queues/schemas";
export type { ApiKeyOut as ApiKey, ApiKeyCreatedOut as CreatedApiKey } from "@/server/services/api-keys/schemas";
export type { AuditEntryOut as AuditEntry } from "@/server/services/audit/schemas";

export type Role = "admin" | "supervisor" | "agent";
export interface Me {
  user: { id: string; email: string; name: string; role: Role };
  tenant: { id: string; slug: string; name: string };
}
export interface QueueMember {
  userId: string;
  name: string;
  email: string;
  role: string;
}
