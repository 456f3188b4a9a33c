// `npm run bench:acd`: the routing engine under load with real SIP. BENCH_AGENTS (1000) agents
// connect over Socket.IO (socket.io-client, as browsers do) and answer every offer at once, talk
// BENCH_TALK_S (2) seconds, hang up (BYE to the caller) and wrap up over REST. SIPp callers dial
// in at BENCH_RATE (50) calls/s for BENCH_SECONDS (60). Prints calls offered/answered/failed and
// the queue-entry -> offer latency p50/p95/p99. BENCH_DATABASE_URL runs on PostgreSQL (PGlite
// otherwise). The agents take calls in records and signalling only (no browser media); the
// caller side is real SIP through the gateway, anchors and mediasoup.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { queueMembers, users } from "@/db/schema";
import { createApp } from "@/server/app";
import { parseEnv } from "@/server/env";
import { signup } from "@/server/services/auth/signup";
import { openSession } from "@/server/services/auth/session-store";
import * as numbers from "@/server/services/numbers";
import * as queues from "@/server/services/queues";
import { queueCreate } from "@/server/services/queues/schemas";
import * as trunks from "@/server/services/trunks";
import { trunkCreate } from "@/server/services/trunks/schemas";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TALK_MS = Number(process.env.BENCH_TALK_S ?? 2) * 1000;
const SIP_PORT = Number(process.env.BENCH_SIP_PORT ?? 5191);

const latencies: number[] = [];
let offered = 0;
let answered = 0;
let answerErrors = 0;
let sippChild: ReturnType<typeof spawn> | undefined;
setTimeout(() => {
  console.error(`bench:acd: safety timeout, exiting (offered ${offered}, answered ${answered})`);
  sippChild?.kill("SIGKILL");
  process.exit(2);
}, (SECONDS + 180) * 1000).unref();

const dataDir = mkdtempSync(join(tmpdir(), "hotline-bench-acd-"));
const env = parseEnv({
  HOST: "127.0.0.1",
  PORT: "0",
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  SIP_HOST: "127.0.0.1",
  SIP_PORT: String(SIP_PORT),
  RTC_LISTEN_IP: "127.0.0.1",
  RTC_MIN_PORT: "30000",
  RTC_MAX_PORT: "39999",
  MAX_CALLS: "5000",
  SIGNUP_LIMIT_PER_HOUR: "1000",
});
const app = await createApp({ env, log: () => {} });
const { url } = await app.listen(0, "127.0.0.1");
const deps = app.deps;
console.log(`bench:acd: ${AGENTS} agents, SIPp at ${RATE} calls/s for ${SECONDS} s, talk ${TALK_MS / 1000} s, database ${env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`);

// A tenant with one queue that every agent is a member of, a loopback trunk and a number.
const out = await signup({ deps, input: { organization: `Bench ${Date.now()}`, name: "Bench Admin", email: `bench-${Date.now()}@example.test`, password: "bench-password-1" } });
const admin = { deps, tenantId: out.tenant.id, actor: { kind: "user" as const, userId: out.user.id, role: "admin" as const } };
const queue = await queues.create({ ctx: admin, input: queueCreate.parse({ name: "Bench", ringTimeoutSec: 15 }) });
await trunks.create({ ctx: admin, input: trunkCreate.parse({ name: "Loopback", inboundAddresses: ["127.0.0.1"] }) });
const number = `+1415${String(Date.now() % 1e7).padStart(7, "0")}`;
await numbers.create({ ctx: admin, input: { number, destination: { type: "queue", id: queue.id } } });
const rows = await deps.db
  .insert(users)
  .values(Array.from({ length: AGENTS }, (_, i) => ({ tenantId: out.tenant.id, email: `agent-${i}-${Date.now()}@bench.test`, name: `Agent ${i}`, role: "agent" as const })))
  .returning({ id: users.id });
await deps.db.insert(queueMembers).values(rows.map((r) => ({ tenantId: out.tenant.id, queueId: queue.id, userId: r.id })));

const sockets: Socket[] = [];
const ask = (s: Socket, event: string, payload: unknown) => s.timeout(10_000).emitWithAck(event, payload) as Promise<{ data?: unknown; error?: { message: string } }>;

async function agent(userId: string): Promise<Socket> {
  const { token } = await openSession(deps, deps.db, { id: userId, tenantId: out.tenant.id });
  const cookie = `hl_session=${token}`;
  const s = io(url, { transports: ["websocket"], extraHeaders: { cookie, origin: url }, reconnection: true });
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  s.on("call:offered", (offer: { offerId: string; callId: string; enqueuedAt: string | null }) => {
    offered++;
    if (offer.enqueuedAt) latencies.push(Date.now() - Date.parse(offer.enqueuedAt));
    void (async () => {
      const r = await ask(s, "call:answer", { offerId: offer.offerId });
      if (r.error) {
        answerErrors++;
        return;
      }
      answered++;
      await new Promise((resolve) => setTimeout(resolve, TALK_MS));
      await ask(s, "call:hangup", { callId: offer.callId });
      await fetch(`${url}/api/v1/calls/${offer.callId}/wrap-up`, {
        method: "POST",
        headers: { cookie, origin: url, "content-type": "application/json" },
        body: JSON.stringify({ notes: "bench" }),
      });
    })().catch(() => answerErrors++);
  });
  const r = await ask(s, "agent:set-state", { state: "available" });
  if (r.error) throw new Error(r.error.message);
  return s;
}

const t0 = Date.now();
for (let i = 0; i < rows.length; i += 50) sockets.push(...(await Promise.all(rows.slice(i, i + 50).map((r) => agent(r.id)))));
console.log(`bench:acd: ${sockets.length} agents connected and Available in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const total = RATE * SECONDS;
const screen = join(dataDir, "sipp-screen.txt");
const scenario = new URL("./scenarios/caller.xml", import.meta.url).pathname;
const sipp = (sippChild = spawn(
  "sipp",
  ["-sf", scenario, "-s", number, "-i", "127.0.0.1", "-p", String(SIP_PORT + 1), "-r", String(RATE), "-m", String(total), "-l", "2000", "-nostdin", "-timeout", String(SECONDS + 120), "-trace_screen", "-screen_file", screen, `127.0.0.1:${SIP_PORT}`],
  { stdio: "ignore" },
));
const progress = setInterval(() => console.log(`bench:acd: ${Math.round((Date.now() - t0) / 1000)} s: offered ${offered}, answered ${answered}`), 15_000);
const code = await new Promise<number | null>((resolve) => sipp.once("exit", resolve));
clearInterval(progress);
const stats = readFileSync(screen, "utf8");
const count = (label: string) => Number(new RegExp(`${label}\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)`).exec(stats)?.[1] ?? NaN);
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
const result = {
  agents: AGENTS,
  rate_cps: RATE,
  seconds: SECONDS,
  calls_placed: total,
  sipp_successful: count("Successful call"),
  sipp_failed: count("Failed call"),
  sipp_exit: code,
  offered,
  answered,
  answer_errors: answerErrors,
  offer_latency_p50_ms: p(0.5),
  offer_latency_p95_ms: p(0.95),
  offer_latency_p99_ms: p(0.99),
};
console.log(JSON.stringify(result));
console.table([result]);
for (const s of sockets) s.close();
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
