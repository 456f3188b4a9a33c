// `npm run bench:sip`: SIPp places calls at rising rates (BENCH_RATES, default 10,25,50,100
// calls/s; BENCH_CALLS per rate, default 10 s worth; each call lasts BENCH_HOLD_MS, default
// 2000 ms) into a gateway on 127.0.0.1 whose router accepts every call (a MediaCall, a plain
// leg and an RTP anchor each). Prints per rate: calls placed, succeeded, failed, SIPp's
// mean INVITE->200 time, the gateway's peak of live calls (sampled every 20 ms) and the Node process's CPU. No RTP
// is sent (SIPp's stock uac), so this measures signalling and call setup. Stops by itself.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMediaPlane } from "@/media/protocol";
import { createSipGateway } from "@/media/sip/api";
import { freePort } from "@/test/peers/ports";

const RATES = (process.env.BENCH_RATES ?? "10,25,50,100").split(",").map(Number);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 2000);

setTimeout(() => {
  console.error("bench:sip: safety timeout, exiting");
  process.exit(2);
}, 10 * 60_000).unref();

async function main(): Promise<void> {
  const media = await createMediaPlane({ rtcMinPort: 30000, rtcMaxPort: 39999 });
  let seq = 0;
  let peak = 0;
  const gateway = await createSipGateway({
    host: "127.0.0.1",
    port: 0,
    media,
    rtpListenIp: "127.0.0.1",
    maxCalls: 2000,
    rtpTimeoutMs: 600_000,
    router: { route: async () => ({ accept: { callId: `bench-${++seq}` } }) },
    events: { onAnswered: () => undefined, onHold: () => undefined, onEnded: () => undefined },
  });
  console.log(`bench:sip: gateway on 127.0.0.1:${gateway.port}, calls held ${HOLD_MS} ms`);
  console.log("rate/s  calls  ok     failed  resp_ms  peak_live  cpu_%");
  for (const rate of RATES) {
    const calls = Number(process.env.BENCH_CALLS ?? rate * 10);
    peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, gateway.activeCalls())), 20);
    const dir = mkdtempSync(join(tmpdir(), "bench-sip-"));
    const port = await freePort();
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const args = ["-sn", "uac", "-i", "127.0.0.1", "-p", String(port), "-s", "+15550100", "-r", String(rate), "-m", String(calls), "-d", String(HOLD_MS), "-l", "5000", "-nostdin", "-trace_stat", "-fd", "1", "-timeout", "120s", `127.0.0.1:${gateway.port}`];
    await new Promise<void>((resolve) => spawn("sipp", args, { cwd: dir, stdio: "ignore" }).on("exit", () => resolve()));
    clearInterval(sampler);
    const wallMs = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const stat = readdirSync(dir).find((f) => f.endsWith("_.csv"));
    const row = stat ? lastRow(readFileSync(join(dir, stat), "utf8")) : {};
    if (process.env.BENCH_KEEP) console.log(dir);
    else rmSync(dir, { recursive: true, force: true });
    const pct = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
    console.log(
      [rate, calls, row["SuccessfulCall(C)"] ?? "?", row["FailedCall(C)"] ?? "?", ms(row["ResponseTime1(C)"]), peak, pct.toFixed(0)].map((v) => String(v).padEnd(7)).join(""),
    );
  }
  await gateway.close();
  media.close();
}

/** SIPp's "hh:mm:ss:usec" as milliseconds. */
function ms(v: string | undefined): string {
  const [h = 0, m = 0, sec = 0, us = 0] = (v ?? "").split(":").map(Number);
  return v ? (((h * 60 + m) * 60 + sec) * 1000 + us / 1000).toFixed(1) : "?";
}

/** The cumulative columns of SIPp's last statistics line. */
function lastRow(csv: string): Record<string, string> {
  const lines = csv.trim().split("\n");
  const head = (lines[0] ?? "").split(";");
  const last = (lines[lines.length - 1] ?? "").split(";");
  return Object.fromEntries(head.map((h, i) => [h, last[i] ?? ""]));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
