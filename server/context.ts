import type { Db, Executor } from "@/db/client";
import type { Role } from "@/db/schema";
import type { RateLimiter } from "./auth/rate-limit";
import type { BillingProvider } from "./billing/provider";
import type { SpeechToText } from "./transcription/provider";

/** What the domain core needs from the process; built once by createApp. */
export interface Deps {
  db: Db;
  /** Key for HMAC of session tokens, API keys and invite tokens. */
  secret: string;
  rateLimiter: RateLimiter;
  now: () => Date;
  /** Pushes an event to the tenant's connected browsers (Socket.IO room; all nodes with Redis). */
  notify: (tenantId: string, event: TenantEvent) => void;
  /** Pushes an event to one user's browsers (offers). */
  notifyUser: (userId: string, event: UserEvent) => void;
  /** This process's id in call records (the node that holds a call's SIP dialog and media). */
  nodeId: string;
  /** Where files live (recordings, prompt cache). */
  dataDir: string;
  /** Stripe, or null in self-hosted mode (billing off, unlimited seats). */
  billing: { provider: BillingProvider; graceDays: number; publicUrl: string | null } | null;
  /** Webhooks (and the CRM lookup) may reach loopback and private addresses (WEBHOOKS_ALLOW_PRIVATE). */
  webhooksAllowPrivate?: boolean;
  /** Speech to text for transcripts (TRANSCRIPTION), or none on this node. */
  speechToText?: SpeechToText | null;
  /** Asks the transcription job to look for work now (a recording was just stored). */
  kickTranscription?: () => void;
  /** Asks the routing engine to look at this tenant's waiting calls and free agents now. */
  kickRouting: (tenantId: string) => void;
}

export type AgentStateName = "offline" | "available" | "break" | "ringing" | "in_call" | "after_call_work";

export interface AgentStateOut {
  userId: string;
  state: AgentStateName;
  reason: string | null;
  since: string;
  callId: string | null;
  until: string | null;
}

/** A call as browsers see it live (agent workspace, wallboard). */
export interface LiveCall {
  id: string;
  state: "ringing" | "queued" | "offering" | "in_call" | "voicemail" | "ended";
  direction: "inbound" | "outbound";
  fromNumber: string;
  toNumber: string;
  queueId: string | null;
  agentId: string | null;
  held: boolean;
  startedAt: string;
  queuedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface CallOffer {
  offerId: string;
  callId: string;
  expiresAt: string;
  fromNumber: string;
  toNumber: string;
  queueId: string | null;
  queueName: string | null;
  enqueuedAt: string | null;
}

export type TenantEvent =
  | { type: "audit:created"; action: string; entityId: string | null; at: string }
  | ({ type: "agent:state" } & AgentStateOut)
  | ({ type: "call:updated" } & LiveCall);

export type UserEvent =
  | ({ type: "call:offered" } & CallOffer)
  | { type: "call:offer-ended"; offerId: string; callId: string; result: "answered" | "declined" | "missed" | "cancelled" }
  /** The agent's consult (warm transfer) changed: ringing, talking, conference, or ended and why. */
  | { type: "call:consult"; callId: string; state: "ringing" | "talking" | "conference" | "ended"; party: string; reason?: string }
  /** A stream the agent's browser should consume now (a prompt, music, a mix, a new party). */
  | { type: "media:consumer"; callId: string; id: string; producerId: string; kind: "audio"; rtpParameters: unknown };

export type Actor =
  | { kind: "user"; userId: string; role: Role }
  | { kind: "api-key"; apiKeyId: string; role: "admin" }
  /** The telephony side acting for a tenant (a call arrived, an offer expired). */
  | { kind: "system"; role: "admin" };

/** A request on behalf of one tenant. `tx` is set inside a transaction. */
export interface Ctx {
  deps: Deps;
  tenantId: string;
  actor: Actor;
  tx?: Executor;
  /** Work to do once the open transaction has committed (notifications). */
  afterCommit?: Array<() => void>;
}

export const exec = (ctx: Ctx): Executor => ctx.tx ?? ctx.deps.db;

/** Runs `fn` in a transaction (or the one already open), passing a ctx bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (ctx: Ctx & { tx: Executor }) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn({ ...ctx, tx: ctx.tx });
  const afterCommit: Array<() => void> = [];
  const result = await ctx.deps.db.transaction((tx) => fn({ ...ctx, tx, afterCommit }));
  for (const run of afterCommit) run();
  return result;
}

export const actorUserId = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : null);

/** A ctx for work the system does for a tenant (no user behind it). */
export const systemCtx = (deps: Deps, tenantId: string): Ctx => ({ deps, tenantId, actor: { kind: "system", role: "admin" } });

/** Runs `fn` once the open transaction has committed, or now when there is none. */
export function afterCommit(ctx: Ctx, fn: () => void): void {
  if (ctx.afterCommit) ctx.afterCommit.push(fn);
  else fn();
}
