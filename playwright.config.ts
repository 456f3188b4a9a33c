import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { writeToneWav } from "./test/peers/tone-file";

// One real server (production Next.js build + the Node process) on a fresh data folder per run.
const port = Number(process.env.E2E_PORT ?? 3117);
const baseURL = `http://127.0.0.1:${port}`;
// The config is also loaded by each worker; only the main process's value reaches the server.
const dataDir = process.env.E2E_DATA_DIR ?? join(tmpdir(), `hotline-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = dataDir;
export const E2E_SIP_PORT = Number(process.env.E2E_SIP_PORT ?? 5164);
// The agents' microphone in call tests: a 440 Hz tone (the callers send 1 kHz).
const agentTone = writeToneWav(join(tmpdir(), "hotline-e2e-agent-440.wav"), 440, 60);
// Debian's Chromium, quiet on a closed network, with a fake microphone and camera.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "ui", testDir: "e2e/ui" },
    { name: "api", testDir: "e2e/api" },
    {
      name: "calls",
      testDir: "e2e/calls",
      use: {
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          // The agents' microphone plays the 440 Hz file; the ring may start without a click.
          args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${agentTone}`, "--autoplay-policy=no-user-gesture-required"],
        },
      },
    },
    // Screenshots of every page for a visual review: SHOTS=1 npx playwright test --project shots
    ...(process.env.SHOTS ? [{ name: "shots", testDir: "e2e/shots" }] : []),
  ],
  webServer: {
    command: "npx tsx e2e/serve.ts",
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      // With TEST_DATABASE_URL, e2e/serve.ts gives the server a fresh database on that server.
      ...(process.env.TEST_DATABASE_URL ? { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
      // Every test signs up its own tenant from 127.0.0.1.
      SIGNUP_LIMIT_PER_HOUR: "10000",
      LOGIN_LIMIT_PER_MINUTE: "10000",
      SIP_HOST: "127.0.0.1",
      SIP_PORT: String(E2E_SIP_PORT),
      RTC_LISTEN_IP: "127.0.0.1",
      RTC_MIN_PORT: "41000",
      RTC_MAX_PORT: "41999",
      // Stopping the server at the end drains for at most 3 s (a call a test left up ends then).
      DRAIN_SECONDS: "3",
      MEDIA_WORKERS: "1",
      // A slow machine's stall must not turn a test's call away (load shedding is tested in vitest).
      LOAD_SHED_LAG_MS: "0",
    },
  },
});
