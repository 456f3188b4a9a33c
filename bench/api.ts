// `npm run bench:api`: autocannon against login and the queue list at 50 and 200 connections.
// Starts the real product (production build) on a random port: PGlite, or DATABASE_URL when set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createApp } from "@/server/app";
import { parseEnv } from "@/server/env";
import { signupClient } from "@/test/server";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), "hotline-bench-"));
const env = parseEnv({
  ...process.env,
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  SIGNUP_LIMIT_PER_HOUR: "1000000",
  LOGIN_LIMIT_PER_MINUTE: "100000000",
});
const app = await createApp({ env, log: () => {} });
const { url } = await app.listen(0, "127.0.0.1");
const admin = await signupClient(url, "bench");
for (let i = 0; i < 20; i++) {
  const res = await admin.client.call("POST", "/api/v1/queues", { body: { name: `Queue ${i}` } });
  if (res.status !== 201) throw new Error(`queue create failed: ${res.status} ${JSON.stringify(res.body)}`);
}
const cookie = admin.client.cookie ?? "";

async function measure(title: string, connections: number, opts: Partial<autocannon.Options>) {
  const r = await autocannon({ url, connections, duration: DURATION, ...opts });
  const ok = r["2xx"];
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(
    `${title.padEnd(24)} c=${String(connections).padStart(3)}  ${r.requests.average.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(5)} ms  ok ${ok}  failed ${bad}`,
  );
}

console.log(`Hotline API benchmark: ${DURATION}s per run, database ${env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, Node ${process.version}`);
for (const connections of [50, 200]) {
  await measure("POST /api/v1/sessions", connections, {
    method: "POST",
    url: `${url}/api/v1/sessions`,
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  await measure("GET /api/v1/queues", connections, { method: "GET", url: `${url}/api/v1/queues`, headers: { cookie } });
}
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
