/** The real server as its own OS process (`server/main.ts`), for tests of restarts and of several nodes. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { freePort } from "./peers/ports";

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
}

/** Starts it and resolves once it prints its URL (60 s at most). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: m[1], output: () => output });
      }
    };
    proc.stdout?.on("data", read);
    proc.stderr?.on("data", read);
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}):\n${output}`));
    });
  });
}

/** A node's environment: free HTTP and SIP ports, 20 RTP ports of its own, telephony on, one media worker. */
export type NodeEnv = Record<string, string> & { PORT: string; SIP_PORT: string; RTC_MIN_PORT: string; RTC_MAX_PORT: string };

export async function serverProcessEnv(dataDir: string, extra: Record<string, string> = {}): Promise<NodeEnv> {
  const [port, sipPort, rtc] = [await freePort(), await freePort(), 42000 + Math.floor(Math.random() * 50) * 20];
  return {
    HOST: "127.0.0.1",
    PORT: String(port),
    SIP_HOST: "127.0.0.1",
    SIP_PORT: String(sipPort),
    RTC_LISTEN_IP: "127.0.0.1",
    RTC_MIN_PORT: String(rtc),
    RTC_MAX_PORT: String(rtc + 19),
    MEDIA_WORKERS: "1",
    TELEPHONY: "on",
    DATA_DIR: dataDir,
    APP_SECRET: randomBytes(32).toString("hex"),
    SIGNUP_LIMIT_PER_HOUR: "10000",
    NODE_ENV: "production",
    LOAD_SHED_LAG_MS: "0", // see test/server.ts
    // Its transcription loop would claim other test files' jobs on the shared database (see test/server.ts).
    TRANSCRIPTION: "off",
    ...(process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
    ...extra,
  };
}

/** Stops it (SIGTERM, or SIGKILL) and waits for it to exit. */
export async function stopServerProcess(p: ServerProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!p || p.proc.exitCode !== null || p.proc.signalCode !== null) return; // exited, or killed by a signal
  const exited = new Promise((r) => p.proc.once("exit", r));
  p.proc.kill(signal);
  await exited;
}
