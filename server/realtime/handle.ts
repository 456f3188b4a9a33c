import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Ctx, Deps } from "../context";
import { isAppError } from "../errors";
import { isMediaError } from "./media-errors";
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from "./events";
import { logError } from "../log";

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const socketCtx = (deps: Deps, socket: AppSocket): Ctx => ({
  deps,
  tenantId: socket.data.auth.tenant.id,
  actor: { kind: "user", userId: socket.data.auth.user.id, role: socket.data.auth.user.role },
});

/**
 * One `entity:verb` handler: the payload is validated at the edge, the verb runs with the
 * socket's tenant and user, and the ack carries `{ data }` or `{ error: { code, message } }`.
 * A call without an ack function is ignored (nothing to answer on).
 */
export function handle<S extends z.ZodType, T>(
  deps: Deps,
  socket: AppSocket,
  event: string,
  schema: S,
  run: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
): void {
  (socket as unknown as { on(e: string, l: (payload: unknown, ack: unknown) => void): void }).on(event, (payload, ack) => {
    if (typeof ack !== "function") return;
    const reply = ack as Ack<T>;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reply({ error: { code: "validation_failed", message: `${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}` } });
      return;
    }
    run(socketCtx(deps, socket), parsed.data).then(
      (data) => reply({ data }),
      (e: unknown) => {
        if (isAppError(e) || isMediaError(e)) return reply({ error: { code: e.code, message: e.message } });
        logError("realtime", `${event} failed`, e);
        reply({ error: { code: "internal", message: "Something went wrong on our side" } });
      },
    );
  });
}
