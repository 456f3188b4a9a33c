import type { TenantEvent, UserEvent } from "../context";

/** The typed Socket.IO contract. Event names are `entity:verb`; acks are `{ data } | { error }`. */
export type Ack<T> = (reply: { data: T } | { error: { code: string; message: string } }) => void;

export interface WhoAmI {
  user: { id: string; email: string; name: string; role: "admin" | "supervisor" | "agent" };
  tenant: { id: string; slug: string; name: string };
}

type Payload<U extends { type: string }, T extends U["type"]> = Omit<Extract<U, { type: T }>, "type">;

export interface ServerToClientEvents {
  "audit:created": (entry: Payload<TenantEvent, "audit:created">) => void;
  "agent:state": (state: Payload<TenantEvent, "agent:state">) => void;
  "call:updated": (call: Payload<TenantEvent, "call:updated">) => void;
  "call:offered": (offer: Payload<UserEvent, "call:offered">) => void;
  "call:offer-ended": (info: Payload<UserEvent, "call:offer-ended">) => void;
  "call:consult": (consult: Payload<UserEvent, "call:consult">) => void;
  "media:consumer": (consumer: Payload<UserEvent, "media:consumer">) => void;
}

type Verb<I, O> = (input: I, ack: Ack<O>) => void;
type ChosenState = { state: "available" | "break" | "offline"; reason?: string };
type AgentState = Payload<TenantEvent, "agent:state">;
type CallRef = { callId: string };

export interface ClientToServerEvents {
  "session:whoami": (ack: Ack<WhoAmI>) => void;
  "agent:set-state": Verb<ChosenState, AgentState>;
  /** With the offer ringing for the agent, so a reloaded page shows it again. */
  "agent:get-state": Verb<Record<string, never>, AgentState & { offer: Payload<UserEvent, "call:offered"> | null }>;
  "call:answer": Verb<{ offerId: string }, CallRef>;
  "call:decline": Verb<{ offerId: string }, void>;
  "call:hangup": Verb<CallRef, void>;
  "call:hold": Verb<CallRef & { held: boolean }, void>;
  "call:dtmf": Verb<CallRef & { digits: string }, void>;
  "call:recording": Verb<CallRef & { paused: boolean }, { paused: boolean }>;
  /** Click-to-call: an E.164 number through the tenant's outbound trunk. */
  "call:dial": Verb<{ toNumber: string }, CallRef>;
  /** Blind transfer: to a queue, an agent (user id) or an E.164 number. */
  "call:transfer": Verb<CallRef & { to: { type: "queue"; id: string } | { type: "agent"; id: string } | { type: "number"; number: string } }, void>;
  /** Warm transfer: talk to an agent or a number first while the caller waits on hold. */
  "call:consult": Verb<CallRef & { to: { type: "agent"; id: string } | { type: "number"; number: string } }, void>;
  /** The consulted party keeps the caller; the consulting agent moves on to the wrap-up. */
  "call:consult-complete": Verb<CallRef, void>;
  /** Back to the caller: the consulted party leaves. */
  "call:consult-cancel": Verb<CallRef, void>;
  /** The caller joins: all three talk. */
  "call:conference": Verb<CallRef, void>;
  /** A supervisor listens to, whispers to (the agent alone hears) or barges into a live call; again to change the mode. */
  "call:monitor": Verb<CallRef & { mode: "listen" | "whisper" | "barge" }, CallRef & { mode: "listen" | "whisper" | "barge" }>;
  "call:monitor-end": Verb<CallRef, void>;
  /** mediasoup-client signalling for the agent's audio of a call (media/client/agent-media.ts). */
  "media:transports": Verb<CallRef, unknown>;
  "media:connect": Verb<CallRef & { transportId: string; dtlsParameters: unknown }, void>;
  "media:produce": Verb<CallRef & { kind: string; rtpParameters: unknown }, { id: string }>;
  "media:capabilities": Verb<CallRef & { rtpCapabilities: unknown }, unknown>;
}

export interface SocketData {
  auth: WhoAmI;
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** Supervisors and admins: every agent's state and every call's changes (agents get their own). */
export const supervisorsRoom = (tenantId: string) => `tenant:${tenantId}:supervisors`;
