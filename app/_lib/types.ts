// Response shapes of the REST API, taken from the same zod schemas the server validates with.
export type { SkillOut as Skill } from "@/server/services/skills/schemas";
export type { UserOut as User, UserCreateOut as CreatedUser } from "@/server/services/users/schemas";
export type { QueueOut as Queue } from "@/server/services/queues/schemas";
export type { ApiKeyOut as ApiKey, ApiKeyCreatedOut as CreatedApiKey } from "@/server/services/api-keys/schemas";
export type { AuditEntryOut as AuditEntry } from "@/server/services/audit/schemas";
export type { AgentReport, QueueReport } from "@/server/services/reports/schemas";

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
export type { TrunkOut as Trunk } from "@/server/services/trunks/schemas";
export type { NumberOut as PhoneNumber } from "@/server/services/numbers/schemas";
export type { CallOut as CallRecord } from "@/server/services/calls/schemas";
export interface CallSummary {
  id: string;
  direction: "inbound" | "outbound";
  fromNumber: string;
  toNumber: string;
  state: "ringing" | "queued" | "offering" | "in_call" | "voicemail" | "ended";
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  queue: { id: string; name: string } | null;
  agent: { id: string; name: string } | null;
}
