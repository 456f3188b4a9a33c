"use client";
import { type Socket, io } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/realtime/events";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let shared: AppSocket | null = null;

/** One Socket.IO connection per tab, authenticated by the session cookie. */
export function appSocket(): AppSocket {
  shared ??= io({ path: "/socket.io", transports: ["websocket"], withCredentials: true });
  return shared;
}

/** An `{ error: { code, message } }` ack from the server (or a timeout / lost connection). */
export class SocketError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "SocketError";
  }
}

type VerbName = { [K in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[K]> extends [unknown, unknown] ? K : never }[keyof ClientToServerEvents];
type InputOf<K extends VerbName> = Parameters<ClientToServerEvents[K]>[0];
type AckOf<K extends VerbName> = Parameters<ClientToServerEvents[K]>[1];
type DataOf<K extends VerbName> = Extract<Parameters<AckOf<K>>[0], { data: unknown }>["data"];

/** Sends an `entity:verb` and resolves with the ack's data, or rejects with a SocketError. */
export function emitVerb<K extends VerbName>(event: K, input: InputOf<K>, timeoutMs = 10_000): Promise<DataOf<K>> {
  // The verb's name is generic here; the reply's shape is pinned by the return type above.
  const loose = appSocket().timeout(timeoutMs) as unknown as { emit(e: string, i: unknown, cb: (err: Error | null, reply: unknown) => void): void };
  return new Promise((resolve, reject) => {
    loose.emit(event, input, (err, reply) => {
      if (err) return reject(new SocketError("timeout", "Hotline did not answer in time. Check your connection and try again."));
      const r = reply as { data: DataOf<K> } | { error: { code: string; message: string } };
      if ("error" in r) reject(new SocketError(r.error.code, r.error.message));
      else resolve(r.data);
    });
  });
}
