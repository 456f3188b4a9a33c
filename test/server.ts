import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { type App, createApp } from "@/server/app";
import { parseEnv } from "@/server/env";
import { type Role, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { uniqueEmail, unique } from "./factories";

export interface TestServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** The real product (production Next.js build) on a random port, on PGlite or TEST_DATABASE_URL. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "hotline-test-"));
  const env = parseEnv({
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    APP_SECRET: randomBytes(32).toString("hex"),
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    // Tests sign up many tenants from 127.0.0.1; the limits themselves are tested with low values.
    SIGNUP_LIMIT_PER_HOUR: "10000",
    LOGIN_LIMIT_PER_MINUTE: "10000",
    // API tests need no SIP gateway or mediasoup workers; the telephony tests turn it on.
    TELEPHONY: "off",
    // A transcription loop claims every tenant's jobs: on a shared database it would take other
    // test files' too. Tests that transcribe run one scoped to their tenant (test/api/transcripts).
    TRANSCRIPTION: "off",
    // A test machine that stalls for a second (a parallel build, a slow CI) must not turn a test's
    // call away; load shedding has tests of its own (server/telephony/load-shedding.test.ts).
    LOAD_SHED_LAG_MS: "0",
    ...extraEnv,
  });
  const app = await createApp({ env, log: () => {} });
  const { url } = await app.listen(0, "127.0.0.1");
  return {
    app,
    url,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text (sent as is, with JSON content type unless `contentType` says otherwise). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Leave out the Origin header a browser would send. */
  noOrigin?: boolean;
}

/** A client that behaves like a browser session (cookie + Origin) or like an API-key caller. */
export class Client {
  cookie: string | null = null;
  constructor(
    readonly baseUrl: string,
    public apiKey: string | null = null,
  ) {}

  async call<T = unknown>(method: string, path: string, opts: CallOptions = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = opts.noOrigin ? {} : { origin: this.baseUrl };
    Object.assign(headers, opts.headers);
    if (this.cookie) headers.cookie = this.cookie;
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    let payload: string | undefined;
    if (opts.raw !== undefined || opts.body !== undefined) {
      payload = opts.raw ?? JSON.stringify(opts.body);
      headers["content-type"] = opts.contentType ?? "application/json";
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: "manual" });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie?.startsWith("hl_session=")) {
      const value = setCookie.split(";")[0] ?? "";
      this.cookie = value === "hl_session=" ? null : value;
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }
}

/** Signs up a fresh tenant over HTTP; returns its admin's browser-like client. */
export async function signupClient(baseUrl: string, label = "org") {
  const client = new Client(baseUrl);
  const email = uniqueEmail("admin");
  const password = "a-long-password-1";
  const res = await client.call<{ tenant: { id: string }; user: { id: string } }>("POST", "/api/v1/signup", {
    body: { organization: unique(label), name: "Admin", email, password },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, email, password, tenantId: res.body.tenant.id, userId: res.body.user.id };
}

/** A user of `tenantId` with `role`, written to the server's database, signed in: their id and client. */
export async function memberClient(server: TestServer, tenantId: string, name: string, role: Role) {
  const email = uniqueEmail(name.toLowerCase());
  const password = "a-long-password-1";
  const [row] = await server.app.database.db.insert(users).values({ tenantId, email, name, role, passwordHash: await hashPassword(password) }).returning();
  if (!row) throw new Error("user insert returned nothing");
  const client = new Client(server.url);
  const signedIn = await client.call("POST", "/api/v1/sessions", { body: { email, password } });
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
  return { id: row.id, client };
}
