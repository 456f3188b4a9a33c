import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { type Deps, type TenantEvent, type UserEvent, systemCtx } from "../context";
import { agentGone } from "../services/calls/agent-gone";
import { SESSION_COOKIE, parseCookies } from "../http/cookies";
import { authenticate } from "../services/auth/authenticate";
import { type ClientToServerEvents, type ServerToClientEvents, type SocketData, supervisorsRoom, tenantRoom, userRoom } from "./events";
import { type CallActions, recordsOnlyActions, registerCallHandlers } from "./call-handlers";
import { FORWARD_EVENT, USER_EVENT, type ForwardBus, type ForwardReply, type ForwardedVerb } from "./forward";
import { registerSessionHandlers } from "./session-handlers";
import { logError } from "../log";

const DISCONNECT_GRACE_MS = 5000;

export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO on the product's HTTP server, authenticated by the session cookie. */
export async function attachRealtime(
  http: HttpServer,
  deps: Deps,
  opts: { redisUrl?: string; trustedOrigins: string[]; callActions?: () => CallActions | undefined },
): Promise<{ io: Io; bus: ForwardBus; notify(tenantId: string, event: TenantEvent): void; notifyUser(userId: string, event: UserEvent): void; close(): Promise<void> }> {
  const io: Io = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 1e6,
    // Cross-site WebSocket hijacking: only this site's pages may connect with the cookie.
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      if (!origin) return cb(null, true); // non-browser clients carry no ambient cookie
      try {
        const ok = new URL(origin).host === req.headers.host || opts.trustedOrigins.includes(origin);
        cb(ok ? null : "origin not allowed", ok);
      } catch {
        cb("bad origin", false);
      }
    },
  });
  let closeRedis = async () => {};
  if (opts.redisUrl) {
    const { createClient } = await import("redis");
    const { createAdapter } = await import("@socket.io/redis-adapter");
    const pub = createClient({ url: opts.redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    // Verbs forwarded to the node holding a call wait this long for the nodes' answers.
    io.adapter(createAdapter(pub, sub, { requestsTimeout: 10_000 }));
    closeRedis = async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    };
  }

  io.use((socket, next) => {
    const token = parseCookies(socket.handshake.headers.cookie)[SESSION_COOKIE];
    if (!token) return next(new Error("unauthenticated"));
    authenticate({ deps, input: { kind: "session", token } }).then(
      (found) => {
        if (!found?.user || !found.tenant) return next(new Error("unauthenticated"));
        socket.data.auth = { user: found.user, tenant: found.tenant };
        next();
      },
      () => next(new Error("unavailable")),
    );
  });

  io.on("connection", (socket) => {
    const { user, tenant } = socket.data.auth;
    void socket.join([tenantRoom(tenant.id), userRoom(user.id), ...(user.role === "agent" ? [] : [supervisorsRoom(tenant.id)])]);
    registerSessionHandlers(socket);
    registerCallHandlers(deps, socket, opts.callActions?.() ?? recordsOnlyActions);
    // An agent with no browser left (on any node) loses the offer ringing for them: after a grace
    // period that covers a page reload, the call goes to the next agent.
    socket.on("disconnect", () => {
      setTimeout(() => {
        io.in(userRoom(user.id))
          .fetchSockets()
          .then(async (left) => {
            if (left.length === 0) await agentGone({ ctx: systemCtx(deps, tenant.id), input: { userId: user.id } });
          })
          .catch((e: unknown) => logError("realtime", "agent disconnect", e));
      }, DISCONNECT_GRACE_MS).unref();
    });
  });

  // Server-side events between nodes (Redis); without Redis the default adapter answers with none.
  const cluster = io as unknown as {
    serverSideEmit(ev: string, m: ForwardedVerb, ack: (err: Error | null, replies: ForwardReply[] | undefined) => void): void;
    serverSideEmit(ev: string, userId: string, event: UserEvent): void;
    on(ev: string, listener: (m: ForwardedVerb, ack: (r: ForwardReply) => void) => void): void;
    on(ev: string, listener: (userId: string, event: UserEvent) => void): void;
  };
  // The in-memory adapter (one node) has no server-side events: it would only print a warning.
  const clustered = Boolean(opts.redisUrl);
  const bus: ForwardBus = {
    clustered,
    emit: (message) => (clustered ? new Promise((resolve) => cluster.serverSideEmit(FORWARD_EVENT, message, (_err, replies) => resolve(replies ?? []))) : Promise.resolve([])),
    serve: (handler) => cluster.on(FORWARD_EVENT, (message: ForwardedVerb, ack: (r: ForwardReply) => void) => void handler(message).then(ack)),
    publish: (userId, event) => {
      if (clustered) cluster.serverSideEmit(USER_EVENT, userId, event);
    },
    subscribe: (handler) => cluster.on(USER_EVENT, (userId: string, event: UserEvent) => handler(userId, event)),
  };

  return {
    io,
    bus,
    notify(tenantId, event) {
      const { type, ...payload } = event;
      // Live call and agent changes go to supervisors and to the agent concerned, not to every
      // agent of the tenant (1,000 agents would each get every change of every call).
      const rooms =
        event.type === "agent:state"
          ? [supervisorsRoom(tenantId), userRoom(event.userId)]
          : event.type === "call:updated"
            ? [supervisorsRoom(tenantId), ...(event.agentId ? [userRoom(event.agentId)] : [])]
            : [tenantRoom(tenantId)];
      io.to(rooms).emit(type, payload as never);
    },
    notifyUser(userId, { type, ...payload }) {
      io.to(userRoom(userId)).emit(type, payload as never);
    },
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await closeRedis();
    },
  };
}
