// `npm run bench:media`: N concurrent bridged calls (far end A -> PlainTransport -> router ->
// PlainTransport -> far end B, and back), G.711 20 ms, for N = 100, 500, 1000 (BENCH_CALLS to
// override, BENCH_SECONDS per N, default 10). The load generator is a small C program
// (bench/rtp-gen.c, compiled with the machine's gcc into ~/.cache/hotline) so that the
// generator, not Node's event loop, keeps up with 100k packets/s; BENCH_GENERATOR=node uses the
// in-process Node generator instead (a few UDP sockets per side, one SSRC per leg). Each payload
// carries its send time, so the receiver measures loss and the latency added between the two
// far ends. Stops by itself.
// BENCH_WORKERS sets the number of mediasoup workers; BENCH_RECORD=1 records every call. Loss is split by where the kernel dropped
// datagrams: at the generator's sockets or at mediasoup's.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { createMediaPlane, type MediaCall, type MediaPlane } from "@/media/protocol";
import { parseRtp } from "@/media/rtp/packet";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SIZES = (process.env.BENCH_CALLS ?? "100,500,1000").split(",").map(Number);
const WORKERS = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : undefined; // default: one per core
const SOCKETS_PER_SIDE = 4;
// BENCH_RECORD=1: every call is also recorded (both legs to a stereo WAV, as the product does by
// default), in a temporary folder removed at the end: the media plane's Node side then reads
// every packet.
const RECORD_DIR = process.env.BENCH_RECORD ? mkdtempSync(join(tmpdir(), "hotline-bench-rec-")) : undefined;
const GROUPS = 20; // calls are spread over 20 phases of the 20 ms period, like unsynchronised phones
const PT = 0;
const RTC_MIN = 20000;
const RTC_MAX = 29999;

setTimeout(() => {
  console.error("bench:media: safety timeout, exiting");
  process.exit(2);
}, (SECONDS + 60) * SIZES.length * 1000).unref();

interface Side {
  sockets: Socket[];
  latencies: Float64Array;
  received: number;
}

async function openSide(capacity: number): Promise<Side> {
  const side: Side = { sockets: [], latencies: new Float64Array(capacity), received: 0 };
  for (let i = 0; i < SOCKETS_PER_SIDE; i++) await farEnd(side);
  return side;
}

/** A far-end socket that records the latency of every audio packet it receives. */
async function farEnd(side: Side): Promise<Socket> {
  const s = createSocket({ type: "udp4", recvBufferSize: 16 << 20, sendBufferSize: 16 << 20 });
  s.bind(0, "127.0.0.1");
  await once(s, "listening");
  s.on("message", (msg) => {
    if (msg.length < 12 + 12 || (msg[1]! & 0x7f) !== PT) return; // RTCP and others
    const payload = parseRtp(msg).payload; // mediasoup adds a header extension: skip it
    const sentAt = payload.readDoubleBE(4);
    if (side.received < side.latencies.length) side.latencies[side.received] = performance.now() - sentAt;
    side.received++;
  });
  side.sockets.push(s);
  return s;
}

interface Stream {
  socket: Socket;
  toPort: number;
  header: Buffer;
  seq: number;
  ts: number;
}

function makeStream(socket: Socket, toPort: number, ssrc: number, index: number): Stream {
  const header = Buffer.alloc(12 + 160, 0xff); // μ-law silence after the header
  header[0] = 0x80;
  header[1] = PT;
  header.writeUInt32BE(ssrc, 8);
  header.writeUInt32BE(index, 12);
  return { socket, toPort, header, seq: 0, ts: 0 };
}

function send(st: Stream): void {
  const pkt = Buffer.allocUnsafe(st.header.length);
  st.header.copy(pkt);
  pkt.writeUInt16BE(st.seq, 2);
  pkt.writeUInt32BE(st.ts, 4);
  pkt.writeDoubleBE(performance.now(), 12 + 4);
  st.socket.send(pkt, st.toPort, "127.0.0.1");
  st.seq = (st.seq + 1) & 0xffff;
  st.ts = (st.ts + 160) >>> 0;
}

async function setUp(plane: MediaPlane, n: number, a: Side, b: Side) {
  const calls: MediaCall[] = [];
  const streams: Stream[][] = Array.from({ length: GROUPS }, () => []);
  const one = async (i: number) => {
    const call = await plane.createCall(`bench-${n}-${i}`);
    calls.push(call);
    const sa = a.sockets[i % SOCKETS_PER_SIDE]!;
    const sb = b.sockets[i % SOCKETS_PER_SIDE]!;
    const legA = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    const legB = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await legA.connect({ ip: "127.0.0.1", port: sa.address().port, ssrc: 2 * i + 1 });
    await legB.connect({ ip: "127.0.0.1", port: sb.address().port, ssrc: 2 * i + 2 });
    streams[i % GROUPS]!.push(makeStream(sa, legA.local.port, 2 * i + 1, i), makeStream(sb, legB.local.port, 2 * i + 2, i));
    if (RECORD_DIR) call.record(join(RECORD_DIR, `${n}-${i}.wav`));
  };
  for (let i = 0; i < n; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, k) => one(i + k)));
  }
  return { calls, streams };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The kernel's count of UDP datagrams dropped because a receive buffer was full (Linux). */
function udpRcvbufErrors(): number {
  try {
    const lines = readFileSync("/proc/net/snmp", "utf8").split("\n").filter((l) => l.startsWith("Udp:"));
    const names = lines[0]?.split(/\s+/) ?? [];
    const values = lines[1]?.split(/\s+/) ?? [];
    return Number(values[names.indexOf("RcvbufErrors")] ?? NaN);
  } catch {
    return NaN;
  }
}

/** Datagrams dropped per socket (Linux /proc/net/udp), summed for the generator's ports and the rest. */
function socketDrops(generatorPorts: Set<number>): { generator: number; mediasoup: number } {
  const out = { generator: 0, mediasoup: 0 };
  try {
    for (const line of readFileSync("/proc/net/udp", "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      const port = parseInt(cols[1]?.split(":")[1] ?? "", 16);
      const drops = Number(cols[cols.length - 1]);
      if (!Number.isFinite(drops) || !Number.isFinite(port)) continue;
      if (generatorPorts.has(port)) out.generator += drops;
      else if (port >= RTC_MIN && port <= RTC_MAX) out.mediasoup += drops;
    }
  } catch {
    // not Linux: leave zeros
  }
  return out;
}

async function workerCpuMs(plane: MediaPlane): Promise<number> {
  const usage = await plane.resourceUsage();
  return usage.reduce((ms, u) => ms + u.userMs + u.systemMs, 0);
}

async function run(plane: MediaPlane, n: number) {
  const capacity = Math.ceil(n * 50 * (SECONDS + 2));
  const a = await openSide(capacity);
  const b = await openSide(capacity);
  const setupStart = performance.now();
  const { calls, streams } = await setUp(plane, n, a, b);
  const setupMs = performance.now() - setupStart;
  const stats = plane.stats();

  let sent = 0;
  const drops0 = udpRcvbufErrors();
  const cpu0 = process.cpuUsage();
  const workers0 = await workerCpuMs(plane);
  const t0 = performance.now();
  const due = Array.from({ length: GROUPS }, (_, g) => t0 + (g * 20) / GROUPS);
  const timer = setInterval(() => {
    const now = performance.now();
    for (let g = 0; g < GROUPS; g++) {
      while (now >= due[g]!) {
        for (const st of streams[g]!) send(st);
        sent += streams[g]!.length;
        due[g]! += 20;
      }
    }
  }, 1);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  clearInterval(timer);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const workersMs = (await workerCpuMs(plane)) - workers0;
  await new Promise((r) => setTimeout(r, 500)); // drain

  const received = a.received + b.received;
  const rcvbufDrops = udpRcvbufErrors() - drops0;
  const drops = socketDrops(new Set([...a.sockets, ...b.sockets].map((s) => s.address().port)));
  const lat = Float64Array.from([...a.latencies.subarray(0, Math.min(a.received, capacity)), ...b.latencies.subarray(0, Math.min(b.received, capacity))]).sort();
  for (const call of calls) call.close("hangup");
  for (const s of [...a.sockets, ...b.sockets]) s.close();
  const after = plane.stats();
  return {
    calls: n,
    setup_s: +(setupMs / 1000).toFixed(1),
    routers: stats.routers,
    transports: stats.transports,
    sent,
    received,
    loss_pct: +((100 * (sent - received)) / Math.max(1, sent)).toFixed(3),
    pps: Math.round(sent / (wallMs / 1000)),
    node_cpu_pct: +((100 * (cpu.user + cpu.system)) / 1000 / wallMs).toFixed(1),
    workers_cpu_pct: +((100 * workersMs) / wallMs).toFixed(1),
    p50_ms: +percentile(lat, 50).toFixed(2),
    p99_ms: +percentile(lat, 99).toFixed(2),
    max_ms: +percentile(lat, 100).toFixed(2),
    udp_rcvbuf_drops: rcvbufDrops,
    drops_in_generator: drops.generator,
    drops_in_mediasoup: drops.mediasoup,
    leaked: after.routers + after.transports,
  };
}

/** bench/rtp-gen.c compiled once per source version, or null without gcc. */
function cGenerator(): string | null {
  const source = new URL("./rtp-gen.c", import.meta.url).pathname;
  const hash = createHash("sha256").update(readFileSync(source)).digest("hex").slice(0, 12);
  const dir = join(homedir(), ".cache", "hotline");
  const bin = join(dir, `rtp-gen-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("gcc", ["-O2", "-o", bin, source, "-lpthread"], { stdio: "inherit" });
  return r.status === 0 ? bin : null;
}

/** One size with the C generator: it owns the far ends' sockets; mediasoup's legs point at them. */
async function runC(plane: MediaPlane, n: number, bin: string) {
  const sockets = 8;
  const gen = spawn(bin, [String(sockets), String(SECONDS)], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: gen.stdout });
  const next = () => new Promise<string>((resolve) => lines.once("line", resolve));
  const ports = (await next()).split(" ").slice(1).map(Number);
  const calls: MediaCall[] = [];
  const setupStart = performance.now();
  const one = async (i: number) => {
    const call = await plane.createCall(`bench-c-${n}-${i}`);
    calls.push(call);
    const [ia, ib] = [(2 * i) % sockets, (2 * i + 1) % sockets];
    const legA = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    const legB = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await legA.connect({ ip: "127.0.0.1", port: ports[ia]!, ssrc: 2 * i + 1 });
    await legB.connect({ ip: "127.0.0.1", port: ports[ib]!, ssrc: 2 * i + 2 });
    gen.stdin.write(`${ia} ${legA.local.port} ${2 * i + 1} ${i % GROUPS}\n${ib} ${legB.local.port} ${2 * i + 2} ${i % GROUPS}\n`);
    if (RECORD_DIR) call.record(join(RECORD_DIR, `${n}-${i}.wav`));
  };
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, k) => one(i + k)));
  const setupMs = performance.now() - setupStart;
  const stats = plane.stats();
  const drops0 = udpRcvbufErrors();
  const workers0 = await workerCpuMs(plane);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  gen.stdin.write("GO\n");
  const result = JSON.parse(await next()) as { sent: number; received: number; p50_ms: number; p99_ms: number; max_ms: number };
  const wallMs = performance.now() - t0;
  const workersMs = (await workerCpuMs(plane)) - workers0;
  const cpu = process.cpuUsage(cpu0);
  const drops = socketDrops(new Set(ports));
  for (const call of calls) call.close("hangup");
  const after = plane.stats();
  return {
    calls: n,
    generator: "c",
    setup_s: +(setupMs / 1000).toFixed(1),
    routers: stats.routers,
    transports: stats.transports,
    sent: result.sent,
    received: result.received,
    loss_pct: +((100 * (result.sent - result.received)) / Math.max(1, result.sent)).toFixed(3),
    pps: Math.round(result.sent / (wallMs / 1000)),
    node_cpu_pct: +((100 * (cpu.user + cpu.system)) / 1000 / wallMs).toFixed(1),
    workers_cpu_pct: +((100 * workersMs) / wallMs).toFixed(1),
    p50_ms: result.p50_ms,
    p99_ms: result.p99_ms,
    max_ms: result.max_ms,
    udp_rcvbuf_drops: udpRcvbufErrors() - drops0,
    drops_in_generator: drops.generator,
    drops_in_mediasoup: drops.mediasoup,
    leaked: after.routers + after.transports,
  };
}

const bin = process.env.BENCH_GENERATOR === "node" ? null : cGenerator();
const plane = await createMediaPlane({ workers: WORKERS, rtcMinPort: RTC_MIN, rtcMaxPort: RTC_MAX });
console.log(`bench:media: ${plane.stats().workers.length} mediasoup workers, ${SECONDS} s per size, CPU % is of one core, generator: ${bin ? "C (bench/rtp-gen.c)" : "Node"}`);
const rows = [];
try {
  for (const n of SIZES) {
    const row = bin ? await runC(plane, n, bin) : await run(plane, n);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
} finally {
  plane.close();
  if (RECORD_DIR) rmSync(RECORD_DIR, { recursive: true, force: true });
}
console.table(rows);
process.exit(0);
