import type { TenantEvent } from "../context";

/** The typed Socket.IO contract. Event names are `entity:verb`; acks are `{ data } | { error }`. */
export type Ack<T> = (reply: { data: T } | { error: { code: string; message: string } }) => void;

export interface WhoAmI {
  user: { id: string; email: string; name: string; role: "admin" | "supervisor" | "agent" };
  tenant: { id: string; slug: string; name: string };
}

export interface ServerToClientEvents {
  "audit:created": (entry: Omit<TenantEvent, "type">) => void;
}

export interface ClientToServerEvents {
  "session:whoami": (ack: Ack<WhoAmI>) => void;
}

export interface SocketData {
  auth: WhoAmI;
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
