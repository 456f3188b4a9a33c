// `npm run bench:acd`: the routing engine under load with real SIP, each side in its own
// process so that the figures are the server's, not the load generator's:
// - the server: `node --import tsx server/main.ts` (Next.js production build, Socket.IO, the SIP
//   gateway and mediasoup workers), on PostgreSQL with BENCH_DATABASE_URL, else PGlite;
// - BENCH_AGENTS (1000) agents: Socket.IO clients in bench/acd-agents.ts (one child process).
//   They set themselves Available, note each offer and wrap up over REST after each call;
// - the agents' desk phones: every agent's sipUri is sip:agent-<n>@127.0.0.1:<port> of ONE SIPp
//   UAS (bench/scenarios/agent-phone.xml). An offer rings the agent's phone (the desk-phone
//   feature); the phone answers at once, so the ANSWER PATH IS SIP (not Socket.IO call:answer);
//   it talks BENCH_TALK_S (2) seconds and hangs up, which ends the call (BYE to the caller);
// - the callers: SIPp (bench/scenarios/caller.xml) at BENCH_RATE (50) calls/s for
//   BENCH_SECONDS (60) into a number routed to one queue that every agent is a member of.
// Neither end sends RTP; the server's media plane still anchors both SIP legs, plays music on
// hold and records (the tenant's recording switch is on, as by default; BENCH_RECORDING=off
// turns it off). Prints calls placed, SIPp successful/failed (callers and phones), offered,
// answered, failed, queue-entry -> offer latency p50/p95/p99, the CPU of the server's Node
// process and of its mediasoup workers (from /proc, over the SIPp run) and their peak RSS.
// BENCH_CPU_PROF=<dir> runs the server with --cpu-prof into that folder.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { queueMembers, tenants, users } from "@/db/schema";
import { openFromEnv } from "@/db/open-from-env";
import { memoryRateLimiter } from "@/server/auth/rate-limit";
import type { Deps } from "@/server/context";
import { parseEnv } from "@/server/env";
import { signup } from "@/server/services/auth/signup";
import { openSession } from "@/server/services/auth/session-store";
import * as numbers from "@/server/services/numbers";
import * as queues from "@/server/services/queues";
import { queueCreate } from "@/server/services/queues/schemas";
import * as trunks from "@/server/services/trunks";
import { trunkCreate } from "@/server/services/trunks/schemas";
import { freePort } from "@/test/peers/ports";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TALK_MS = Number(process.env.BENCH_TALK_S ?? 2) * 1000;
const RECORDING = process.env.BENCH_RECORDING !== "off";
const CPU_PROF = process.env.BENCH_CPU_PROF;
/** How long after the last call is placed the callers may still wait to be answered. */
const DRAIN_S = Number(process.env.BENCH_DRAIN_S ?? 90);
const ROOT = resolve(new URL("..", import.meta.url).pathname);
const scenario = (name: string) => join(ROOT, "bench", "scenarios", name);

const children: ChildProcess[] = [];
const killAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
};
const abort = (code: number) => {
  killAll();
  void dropBenchDb().finally(() => process.exit(code));
};
setTimeout(() => {
  console.error("bench:acd: safety timeout, exiting");
  abort(2);
}, (SECONDS + DRAIN_S + 210) * 1000).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => abort(130));
}
process.on("uncaughtException", (e) => {
  console.error(e);
  abort(1);
});

const dataDir = mkdtempSync(join(tmpdir(), "hotline-bench-acd-"));
// A database of its own on BENCH_DATABASE_URL's server, dropped at the end: no other tenant's
// calls, trunks or sweeps in the figures, and nothing left behind in a shared database.
const { default: postgres } = await import("postgres");
const adminUrl = process.env.BENCH_DATABASE_URL;
const benchDb = `hotline_bench_${randomBytes(4).toString("hex")}`;
let databaseUrl: string | undefined;
if (adminUrl) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${benchDb}`);
  // BENCH_PG_LOG=1: PostgreSQL logs every statement of this database (to count queries per call).
  if (process.env.BENCH_PG_LOG) await admin.unsafe(`alter database ${benchDb} set log_statement = 'all'`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${benchDb}`;
  databaseUrl = u.toString();
}
async function dropBenchDb() {
  if (!adminUrl || process.env.BENCH_KEEP) return;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${benchDb} with (force)`).catch((e: unknown) => console.error("bench:acd: could not drop", benchDb, e));
  await admin.end();
}
const [httpPort, sipPort, phonePort, phoneMediaPort, callerPort, callerMediaPort] = [
  await freePort(), await freePort(), await freePort(), await freePort(), await freePort(), await freePort(),
];
const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(httpPort),
  DATA_DIR: dataDir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  APP_SECRET: randomBytes(32).toString("hex"),
  NODE_ID: `bench-acd-${randomBytes(4).toString("hex")}`,
  SIP_HOST: "127.0.0.1",
  SIP_PORT: String(sipPort),
  RTC_LISTEN_IP: "127.0.0.1",
  RTC_MIN_PORT: "30000",
  RTC_MAX_PORT: "39999",
  MAX_CALLS: "5000",
  SIGNUP_LIMIT_PER_HOUR: "1000",
  // BENCH_LOAD_SHED_LAG_MS: the server's LOAD_SHED_LAG_MS (its default otherwise).
  ...(process.env.BENCH_LOAD_SHED_LAG_MS ? { LOAD_SHED_LAG_MS: process.env.BENCH_LOAD_SHED_LAG_MS } : {}),
};
const env = parseEnv(serverEnv);
console.log(
  `bench:acd: ${AGENTS} agents, SIPp at ${RATE} calls/s for ${SECONDS} s, talk ${TALK_MS / 1000} s, recording ${RECORDING ? "on" : "off"}, database ${env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`,
);

// 1. The tenant, written before the server starts (PGlite is one process's at a time): one queue
// every agent is a member of, a loopback trunk, a number, the agents with their desk phones and
// a session each.
const database = await openFromEnv(env);
await database.migrate();
const deps: Deps = {
  db: database.db,
  secret: env.APP_SECRET ?? "",
  rateLimiter: memoryRateLimiter(),
  now: () => new Date(),
  notify: () => {},
  notifyUser: () => {},
  nodeId: "bench-setup",
  kickRouting: () => {},
  billing: null,
  dataDir,
};
const stamp = Date.now();
const out = await signup({ deps, input: { organization: `Bench ${stamp}`, name: "Bench Admin", email: `bench-${stamp}@example.test`, password: "bench-password-1" } });
const tenantId = out.tenant.id;
const admin = { deps, tenantId, actor: { kind: "user" as const, userId: out.user.id, role: "admin" as const } };
if (!RECORDING) await deps.db.update(tenants).set({ recordingEnabled: false }).where(eq(tenants.id, tenantId));
const queue = await queues.create({ ctx: admin, input: queueCreate.parse({ name: "Bench", ringTimeoutSec: 15 }) });
await trunks.create({ ctx: admin, input: trunkCreate.parse({ name: "Loopback", inboundAddresses: ["127.0.0.1"] }) });
const number = `+1415${String(stamp % 1e7).padStart(7, "0")}`;
await numbers.create({ ctx: admin, input: { number, destination: { type: "queue", id: queue.id } } });
const rows = await deps.db
  .insert(users)
  .values(
    Array.from({ length: AGENTS }, (_, i) => ({
      tenantId,
      email: `agent-${i}-${stamp}@bench.test`,
      name: `Agent ${i}`,
      role: "agent" as const,
      sipUri: `sip:agent-${i}@127.0.0.1:${phonePort}`,
    })),
  )
  .returning({ id: users.id });
await deps.db.insert(queueMembers).values(rows.map((r) => ({ tenantId, queueId: queue.id, userId: r.id })));
const agents = await Promise.all(rows.map(async (r) => ({ userId: r.id, token: (await openSession(deps, deps.db, { id: r.id, tenantId })).token })));
await database.close();

// 2. The agents' phones (one SIPp UAS), then the server.
const phoneScreen = join(dataDir, "phones-screen.txt");
const phones = spawn(
  "sipp",
  ["-sf", scenario("agent-phone.xml"), "-i", "127.0.0.1", "-p", String(phonePort), "-mi", "127.0.0.1", "-mp", String(phoneMediaPort), "-d", String(TALK_MS), "-nostdin", "-trace_screen", "-screen_file", phoneScreen],
  { stdio: "ignore" },
);
children.push(phones);

const serverLog = join(dataDir, "server.log");
const serverArgs = ["--import", "tsx", ...(CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${resolve(CPU_PROF)}`] : []), "server/main.ts"];
const server = spawn(process.execPath, serverArgs, { cwd: ROOT, env: { ...process.env, ...serverEnv }, stdio: ["ignore", "pipe", "pipe"] });
children.push(server);
const serverOut = createWriteStream(serverLog);
server.stdout.pipe(serverOut);
server.stderr.pipe(serverOut);
const url = await new Promise<string>((resolveUrl, reject) => {
  let seen = "";
  const timer = setTimeout(() => reject(new Error(`the server did not start:\n${seen}`)), 90_000);
  const read = (chunk: Buffer) => {
    seen += chunk.toString();
    const m = /running at (http:\/\/\S+)/.exec(seen);
    if (m?.[1]) {
      clearTimeout(timer);
      resolveUrl(m[1]);
    }
  };
  server.stdout.on("data", read);
  server.stderr.on("data", read);
  server.once("exit", (code) => reject(new Error(`the server exited (${String(code)}):\n${seen}`)));
});

// 3. The agents, in their own process.
const setupFile = join(dataDir, "agents.json");
writeFileSync(setupFile, JSON.stringify({ url, agents }));
const agentProc = fork(join(ROOT, "bench", "acd-agents.ts"), [setupFile], { cwd: ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
children.push(agentProc);
const fromAgents = <T>(type: string) =>
  new Promise<T>((resolveMsg, reject) => {
    const onMsg = (m: { type: string }) => {
      if (m.type !== type) return;
      agentProc.off("message", onMsg);
      resolveMsg(m as T);
    };
    agentProc.on("message", onMsg);
    agentProc.once("exit", (code) => reject(new Error(`the agents' process exited (${String(code)})`)));
  });
const ready = await fromAgents<{ agents: number; seconds: number }>("ready");
console.log(`bench:acd: ${ready.agents} agents connected and Available in ${ready.seconds.toFixed(1)} s (server pid ${server.pid})`);

// 4. The callers, with the server's CPU and memory sampled from /proc.
const ticksPerSec = 100;
function procStat(pid: number): { ticks: number; rssKb: number; ppid: number; comm: string } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = s.lastIndexOf(")");
    const f = s.slice(close + 2).split(" ");
    return { comm: s.slice(s.indexOf("(") + 1, close), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), rssKb: (Number(f[21]) * 4096) / 1024 };
  } catch {
    return null;
  }
}
function allProcs() {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => ({ pid: Number(d), st: procStat(Number(d)) }))
    .filter((p): p is { pid: number; st: NonNullable<ReturnType<typeof procStat>> } => p.st !== null);
}
const serverPid = server.pid ?? 0;
const groups = () => {
  const procs = allProcs();
  const workers = procs.filter((p) => p.st.ppid === serverPid);
  return {
    node: procStat(serverPid),
    workers,
    postgres: procs.filter((p) => p.st.comm === "postgres"),
    sipp: procs.filter((p) => p.st.comm === "sipp"),
    agents: procStat(agentProc.pid ?? 0),
  };
};
const sumTicks = (ps: Array<{ st: { ticks: number } }>) => ps.reduce((t, p) => t + p.st.ticks, 0);
const cpu0 = groups();
const sys0 = readFileSync("/proc/stat", "utf8");
let peakNodeRss = 0;
let peakWorkersRss = 0;
const sampler = setInterval(() => {
  const g = groups();
  peakNodeRss = Math.max(peakNodeRss, g.node?.rssKb ?? 0);
  peakWorkersRss = Math.max(peakWorkersRss, g.workers.reduce((t, w) => t + w.st.rssKb, 0));
}, 1000);

const total = RATE * SECONDS;
const callerScreen = join(dataDir, "callers-screen.txt");
const t0 = Date.now();
const callers = spawn(
  "sipp",
  ["-sf", scenario("caller.xml"), "-s", number, "-i", "127.0.0.1", "-p", String(callerPort), "-mi", "127.0.0.1", "-mp", String(callerMediaPort), "-r", String(RATE), "-m", String(total), "-l", "3000", "-nostdin", "-timeout", `${SECONDS + DRAIN_S}s`, "-trace_screen", "-screen_file", callerScreen, `127.0.0.1:${sipPort}`],
  { stdio: "ignore" },
);
children.push(callers);
const progress = setInterval(() => {
  void agentProc.send({ type: "report" });
}, 15_000);
agentProc.on("message", (m: { type: string; stats?: { offered: number; answered: number } }) => {
  if (m.type === "report" && m.stats) console.log(`bench:acd: ${Math.round((Date.now() - t0) / 1000)} s: offered ${m.stats.offered}, answered ${m.stats.answered}`);
});
const callersExit = await new Promise<number | null>((r) => callers.once("exit", r));
const wallMs = Date.now() - t0;
clearInterval(progress);
clearInterval(sampler);
const cpu1 = groups();
const sys1 = readFileSync("/proc/stat", "utf8");

// 5. Wrap-ups land, the phones finish, the figures come in.
await new Promise((r) => setTimeout(r, 2000));
phones.kill("SIGUSR1");
await Promise.race([new Promise((r) => phones.once("exit", r)), new Promise((r) => setTimeout(r, 5000))]);
if (phones.exitCode === null) phones.kill("SIGKILL");
const report = fromAgents<{ stats: { offered: number; answered: number; wrappedUp: number; wrapUpErrors: number; offerEnded: Record<string, number> }; latencies: number[] }>("report");
agentProc.send({ type: "report" });
const { stats, latencies } = await report;
agentProc.send({ type: "close" });

const count = (file: string, label: string) => {
  try {
    return Number(new RegExp(`${label}\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)`).exec(readFileSync(file, "utf8"))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
};
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
const pct = (a: number, b: number) => +(((b - a) / ticksPerSec / (wallMs / 1000)) * 100).toFixed(1);
const idle = (s: string) => {
  const f = (s.split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
  return { busy: f.slice(0, 8).reduce((t, v) => t + v, 0) - (f[3] ?? 0) - (f[4] ?? 0), all: f.slice(0, 8).reduce((t, v) => t + v, 0) };
};
const [m0, m1] = [idle(sys0), idle(sys1)];
const workerTicks = (g: ReturnType<typeof groups>) => sumTicks(g.workers);
const callersOk = count(callerScreen, "Successful call");
const callersFailed = count(callerScreen, "Failed call");
const result = {
  agents: AGENTS,
  rate_cps: RATE,
  seconds: SECONDS,
  recording: RECORDING ? "on" : "off",
  calls_placed: total,
  sipp_callers_ok: callersOk,
  sipp_callers_failed: callersFailed,
  sipp_phones_ok: count(phoneScreen, "Successful call"),
  sipp_phones_failed: count(phoneScreen, "Failed call"),
  offered: stats.offered,
  answered: stats.answered,
  // Every call placed that no agent answered (a caller SIPp counts as successful also hangs up
  // on our BYE when the stale-call guard ends a call that waited too long).
  failed: Math.max(total - stats.answered, Number.isNaN(callersFailed) ? 0 : callersFailed),
  offers_missed: stats.offerEnded.missed ?? 0,
  wrapped_up: stats.wrappedUp,
  wrap_up_errors: stats.wrapUpErrors,
  offer_p50_ms: p(0.5),
  offer_p95_ms: p(0.95),
  offer_p99_ms: p(0.99),
  server_node_cpu_pct: pct(cpu0.node?.ticks ?? 0, cpu1.node?.ticks ?? 0),
  server_workers_cpu_pct: pct(workerTicks(cpu0), workerTicks(cpu1)),
  server_node_peak_rss_mb: Math.round(peakNodeRss / 1024),
  server_workers_peak_rss_mb: Math.round(peakWorkersRss / 1024),
  agents_proc_cpu_pct: pct(cpu0.agents?.ticks ?? 0, cpu1.agents?.ticks ?? 0),
  sipp_cpu_pct: pct(sumTicks(cpu0.sipp), sumTicks(cpu1.sipp)),
  postgres_cpu_pct: pct(sumTicks(cpu0.postgres), sumTicks(cpu1.postgres)),
  machine_cpu_busy_pct_of_all_cores: +(((m1.busy - m0.busy) / (m1.all - m0.all)) * 100).toFixed(1),
  callers_exit: callersExit,
};
console.log(JSON.stringify(result));
console.table(Object.entries(result).map(([figure, value]) => ({ figure, value })));

// SIGTERM twice: the second ends calls still live at once (a run that fell behind), and the
// server exits normally (its --cpu-prof profile is written).
server.kill("SIGTERM");
setTimeout(() => server.kill("SIGTERM"), 500).unref();
await Promise.race([new Promise((r) => server.once("exit", r)), new Promise((r) => setTimeout(r, 20_000))]);
if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
serverOut.end();
const errors = readFileSync(serverLog, "utf8").split("\n").filter((l) => /error|failed/i.test(l));
if (errors.length) console.log(`bench:acd: server log, ${errors.length} error lines, first ones:\n${errors.slice(0, 8).join("\n")}`);
await dropBenchDb();
if (process.env.BENCH_KEEP) console.log(`bench:acd: kept ${dataDir} and database ${benchDb}`);
else rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
