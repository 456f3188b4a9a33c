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
}

export interface ClientToServerEvents {
  "session:whoami": (ack: Ack<WhoAmI>) => void;
}

export interface SocketData {
  auth: WhoAmI;
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
