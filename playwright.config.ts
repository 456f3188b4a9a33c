import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// One real server (production Next.js build + the Node process) on a fresh data folder per run.
const port = Number(process.env.E2E_PORT ?? 3117);
const baseURL = `http://127.0.0.1:${port}`;
// The config is also loaded by each worker; only the main process's value reaches the server.
const dataDir = process.env.E2E_DATA_DIR ?? join(tmpdir(), `hotline-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = dataDir;

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
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
      ],
    },
  },
  projects: [
    { name: "ui", testDir: "e2e/ui" },
    { name: "api", testDir: "e2e/api" },
    // Screenshots of every page for a visual review: SHOTS=1 npx playwright test --project shots
    ...(process.env.SHOTS ? [{ name: "shots", testDir: "e2e/shots" }] : []),
  ],
  webServer: {
    command: "npx tsx server/main.ts",
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
      ...(process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
      // Every test signs up its own tenant from 127.0.0.1.
      SIGNUP_LIMIT_PER_HOUR: "10000",
      LOGIN_LIMIT_PER_MINUTE: "10000",
    },
  },
});
