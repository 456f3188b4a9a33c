import { randomBytes } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import type { Database } from "@/db/client";
import { openFromEnv } from "@/db/open-from-env";
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from "./auth/rate-limit";
import type { Deps } from "./context";
import type { Env } from "./env";
import { PEER_HEADER } from "./http/route";
import { createMetrics, routeLabel } from "./metrics";
import { registerOpsMetrics } from "./ops-metrics";
import { buildOpenApi } from "./openapi";
import { createDispatcher } from "./acd/dispatcher";
import { billingFromEnv } from "./billing/from-env";
import { telephonyActions } from "./telephony/call-actions";
import { startTelephony } from "./telephony/telephony";
import { type CallActions, recordsOnlyActions } from "./realtime/call-handlers";
import { forwardingActions } from "./realtime/forward";
import { attachRealtime } from "./realtime/io";
import { setRuntime } from "./runtime";
import { startWebhookDelivery } from "./webhooks/deliver";
import { speechToTextFromEnv } from "./transcription/from-env";
import { startTranscription } from "./transcription/worker";
import { resolveSecret } from "./secret";
import * as services from "./services";
import { logError, logInfo } from "./log";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface AppDeps {
  env: Env;
  /** A database to use instead of the one the environment names (tests). */
  database?: Database;
  /** Next.js dev mode (hot reload) instead of the production build. */
  dev?: boolean;
  log?: (msg: string) => void;
}

export interface App {
  deps: Deps;
  database: Database;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Graceful drain: no new calls (SIP 503, readyz 503), live ones go on for DRAIN_SECONDS at most. */
  drain(): Promise<void>;
  /** Cuts a drain short (close then ends the live calls). */
  endDrain(): void;
  close(): Promise<void>;
}

/** Builds the whole web process: database, domain deps, Next.js, Socket.IO, ops endpoints. */
export async function createApp({ env, database, dev = false, log = logInfo }: AppDeps): Promise<App> {
  const dataDir = resolve(env.DATA_DIR);
  const db = database ?? (await openFromEnv(env));
  await db.migrate();

  const { secret, generated } = resolveSecret(env.APP_SECRET, dataDir);
  if (generated) log(`Generated APP_SECRET and kept it in ${join(dataDir, "app-secret")}`);

  let closeLimiter = async () => {};
  let rateLimiter: RateLimiter = memoryRateLimiter();
  if (env.REDIS_URL) {
    const { createClient } = await import("redis");
    const redis = createClient({ url: env.REDIS_URL });
    await redis.connect();
    rateLimiter = redisRateLimiter(redis);
    closeLimiter = async () => void (await redis.quit().catch(() => {}));
  }

  // notify is bound to Socket.IO once the HTTP server exists (below).
  const deps: Deps = { db: db.db, secret, rateLimiter, now: () => new Date(), notify: () => {}, notifyUser: () => {}, nodeId: env.NODE_ID ?? defaultNodeId(env), kickRouting: () => {}, billing: billingFromEnv(env), dataDir, webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === "on", speechToText: speechToTextFromEnv(env) };
  const trustedOrigins = env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : [];
  const metrics = createMetrics();
  setRuntime({
    deps,
    services,
    trustedOrigins,
    secureCookies: env.PUBLIC_URL?.startsWith("https:") ?? false,
    limits: { signupPerHour: env.SIGNUP_LIMIT_PER_HOUR, loginPerMinute: env.LOGIN_LIMIT_PER_MINUTE },
    openapi: buildOpenApi,
  });

  const nextApp = next({ dev, dir: ROOT, quiet: true });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();

  let draining = false;
  const drainCut = new AbortController();
  const ops: Record<string, (res: ServerResponse) => Promise<void>> = {
    "/healthz": async (res) => send(res, 200, "application/json", JSON.stringify({ status: "ok" })),
    "/readyz": async (res) => {
      const ok = await db.ready();
      // A draining node is alive but takes no new work: load balancers stop sending it any.
      const status = draining ? "draining" : ok ? "ready" : "not ready";
      send(res, ok && !draining ? 200 : 503, "application/json", JSON.stringify({ status, database: ok }));
    },
    "/metrics": async (res) => send(res, 200, metrics.registry.contentType, await metrics.registry.metrics()),
  };

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    inFlight += 1;
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ method: req.method ?? "GET", route: routeLabel(path), status: String(res.statusCode) }, seconds);
    });
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    const op = ops[path];
    const work = op && (req.method === "GET" || req.method === "HEAD") ? op(res) : handle(req, res);
    const settled = Promise.resolve(work).finally(() => {
      // The handler itself is done (a client that hung up early does not end its queries).
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    settled.catch((e: unknown) => {
      logError("http", "request failed", e);
      if (!res.headersSent) send(res, 500, "application/json", JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side" } }));
      else res.destroy();
    });
  });

  const verbs: { actions?: CallActions } = {};
  const realtime = await attachRealtime(server, deps, { redisUrl: env.REDIS_URL, trustedOrigins, callActions: () => verbs.actions });
  deps.notify = realtime.notify;
  deps.notifyUser = realtime.notifyUser;
  const dispatcher = createDispatcher(deps);
  deps.kickRouting = dispatcher.kick;
  const telephony = env.TELEPHONY === "on" ? await startTelephony(deps, env, log, realtime.bus) : null;
  // Verbs on a call another node holds run there (forward.ts); the rest here.
  verbs.actions = forwardingActions(telephony ? telephonyActions(telephony) : recordsOnlyActions, { deps, bus: realtime.bus, holds: (id) => telephony?.holds(id) ?? false });
  registerOpsMetrics(metrics.registry, { deps, media: () => telephony?.media.stats(), draining: () => draining, overloaded: () => telephony?.overloaded() ?? false });
  // Recordings past their tenant's retention are deleted hourly (and once at start).
  const purge = () => void services.recordings.purgeExpired(deps).catch((e: unknown) => logError("recordings", "purge failed", e));
  purge();
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();
  // Webhook deliveries waiting in the outbox go out every second (any node; SKIP LOCKED shares them).
  const webhookDelivery = startWebhookDelivery(deps, { allowPrivate: deps.webhooksAllowPrivate });
  // Recorded calls of tenants that asked for transcripts, one at a time, after the call.
  const transcription = deps.speechToText ? startTranscription(deps, deps.speechToText) : null;
  deps.kickTranscription = transcription?.kick;

  return {
    deps,
    database: db,
    listen(port = env.PORT, host = env.HOST) {
      return new Promise((resolveListen, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolveListen({ url: `http://${shownHost}:${addr.port}`, port: addr.port });
        });
      });
    },
    /** Takes no new calls and lets live ones finish (DRAIN_SECONDS at most); readyz says so. */
    async drain() {
      draining = true;
      const left = await telephony?.drain(env.DRAIN_SECONDS * 1000, drainCut.signal);
      if (left) log(`Ending ${left} live call(s)`);
    },
    endDrain: () => drainCut.abort(),
    async close() {
      // Graceful: take no new requests, let the ones in flight finish (10 s at most), then close.
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, 10_000).unref();
        });
      }
      clearInterval(purgeTimer);
      // Live calls end with BYE and are recorded before the database closes.
      await telephony?.close();
      await dispatcher.close();
      await webhookDelivery.close();
      await transcription?.close();
      await realtime.close(); // also ends the sockets and the HTTP server
      await nextApp.close().catch(() => {});
      await closeLimiter();
      setRuntime(undefined);
      if (!database) await db.close();
    },
  };
}

/**
 * This node's name in call records when NODE_ID is unset: the host and its SIP port, the same
 * after a restart (so the new process ends what the old one left open) and different for two
 * nodes on one host (they cannot share a port). A random port (0) falls back to the process id.
 */
/**
 * host:sip<port>, so that a restart finds the calls its previous run left open. Without a fixed
 * SIP port a run has a name of its own (servers sharing a process, as tests run them, too).
 */
function defaultNodeId(env: Env): string {
  return `${hostname()}:${env.TELEPHONY === "on" && env.SIP_PORT !== 0 ? `sip${env.SIP_PORT}` : `pid${process.pid}-${randomBytes(3).toString("hex")}`}`;
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
