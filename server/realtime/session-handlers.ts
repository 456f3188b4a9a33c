import type { Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "./events";

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function registerSessionHandlers(socket: AppSocket): void {
  socket.on("session:whoami", (ack) => {
    if (typeof ack !== "function") return; // malformed call: no ack to answer on
    ack({ data: socket.data.auth });
  });
}
