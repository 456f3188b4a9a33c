// `npm run bench:sip`: SIPp places calls at rising rates (BENCH_RATES, default 10,25,50 calls/s)
// for BENCH_SECONDS each (default 60; BENCH_CALLS overrides the count), each call lasting
// BENCH_HOLD_MS (default 20000: 50 calls/s reach 1,000 live calls), into a gateway on
// 127.0.0.1 whose destination answers every call (a MediaCall, a plain leg and an RTP anchor
// each) and plays it a 3 s prompt. Prints per rate: calls placed, succeeded, failed,
// INVITE->200 p50/p95 (SIPp's per-call response times), the gateway's peak of live calls
// (sampled every 20 ms), the Node process's CPU, and the highest rate with 0 failed calls.
// SIPp's stock uac sends no RTP, so the caller's side of the media is idle. Stops by itself.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMediaPlane } from "@/media/protocol";
import { createSipGateway } from "@/media/sip/api";
import { sine } from "@/media/rtp/tone";
import { freePort } from "@/test/peers/ports";

const RATES = (process.env.BENCH_RATES ?? "10,25,50").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 20_000);
const PROMPT = sine(440, 3000, { amplitude: 0.3 });

setTimeout(() => {
  console.error("bench:sip: safety timeout, exiting");
  process.exit(2);
}, (RATES.length * (SECONDS + HOLD_MS / 1000 + 90) + 60) * 1000).unref();

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
    events: {
      // The destination answers with a prompt (a 3 s greeting), then the call stays up.
      onAnswered: (callId, { legId }) => void media.getCall(callId)?.play(legId, PROMPT).done.catch(() => undefined),
      onHold: () => undefined,
      onEnded: () => undefined,
    },
  });
  console.log(`bench:sip: gateway on 127.0.0.1:${gateway.port}, calls held ${HOLD_MS} ms`);
  console.log(`bench:sip: ${SECONDS} s per rate`);
  console.log("rate/s  calls  ok     failed p50_ms p95_ms peak   cpu_%");
  let best = 0;
  for (const rate of RATES) {
    const calls = Number(process.env.BENCH_CALLS ?? rate * SECONDS);
    peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, gateway.activeCalls())), 20);
    const dir = mkdtempSync(join(tmpdir(), "bench-sip-"));
    const port = await freePort();
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const args = ["-sn", "uac", "-i", "127.0.0.1", "-p", String(port), "-s", "+15550100", "-r", String(rate), "-m", String(calls), "-d", String(HOLD_MS), "-l", "5000", "-nostdin", "-trace_stat", "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-timeout", `${SECONDS + HOLD_MS / 1000 + 60}s`, `127.0.0.1:${gateway.port}`];
    await new Promise<void>((resolve) => spawn("sipp", args, { cwd: dir, stdio: "ignore" }).on("exit", () => resolve()));
    clearInterval(sampler);
    const wallMs = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const stat = readdirSync(dir).find((f) => f.endsWith("_.csv"));
    const row = stat ? lastRow(readFileSync(join(dir, stat), "utf8")) : {};
    const rttFile = readdirSync(dir).find((f) => f.endsWith("_rtt.csv"));
    const rtts = rttFile ? responseTimes(readFileSync(join(dir, rttFile), "utf8")) : [];
    const q = (p: number) => (rtts.length ? (rtts[Math.min(rtts.length - 1, Math.floor(p * rtts.length))] ?? 0).toFixed(1) : "?");
    const failed = Number(row["FailedCall(C)"] ?? NaN);
    if (failed === 0 && Number(row["SuccessfulCall(C)"]) === calls) best = Math.max(best, rate);
    if (process.env.BENCH_KEEP) console.log(dir);
    else rmSync(dir, { recursive: true, force: true });
    const pct = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
    console.log(
      [rate, calls, row["SuccessfulCall(C)"] ?? "?", row["FailedCall(C)"] ?? "?", q(0.5), q(0.95), peak, pct.toFixed(0)].map((v) => String(v).padEnd(7)).join(""),
    );
  }
  console.log(`bench:sip: highest rate with 0 failed calls over ${SECONDS} s: ${best || "none"} calls/s`);
  await gateway.close();
  media.close();
}

/** SIPp's -trace_rtt file: one line per call, "date_ms;response_time_ms;rtd_no". Sorted. */
function responseTimes(csv: string): number[] {
  return csv
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => Number(l.split(";")[1]))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
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
