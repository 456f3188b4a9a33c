import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ROOT } from "@/server/app";
import { beat } from "@/server/jobs/node-liveness";
import type { Ctx } from "@/server/context";
import * as queues from "@/server/services/queues";
import { queueCreate } from "@/server/services/queues/schemas";
import { makeQueuedCall } from "../factories";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

describe("operations endpoints", () => {
  it("healthz and readyz answer", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: true });
  });

  it("metrics are Prometheus text with the HTTP latency histogram and process metrics", async () => {
    await signupClient(server.url);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/# TYPE hotline_http_request_duration_seconds histogram/);
    expect(text).toMatch(/hotline_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/signup",status="201"\} 1/);
    expect(text).toMatch(/hotline_process_resident_memory_bytes \d+/);
  });

  it("metrics carry the live work: calls by state, agents by state, transcripts, webhooks, the node's drain and media", async () => {
    const { tenantId } = await signupClient(server.url);
    const sys: Ctx = { deps: server.app.deps, tenantId, actor: { kind: "system", role: "admin" } };
    const queue = await queues.create({ ctx: sys, input: queueCreate.parse({ name: "Support" }) });
    await makeQueuedCall(sys, queue.id);
    await beat({ ...server.app.deps, nodeId: `metrics-${tenantId}` }, 30); // a node taking calls
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, "\\$&")} (\\d+)$`, "m").exec(text)?.[1] ?? NaN);
    expect(value('hotline_calls{state="queued"}')).toBeGreaterThanOrEqual(1);
    for (const state of ["ringing", "offering", "in_call", "voicemail"]) expect(value(`hotline_calls{state="${state}"}`)).toBeGreaterThanOrEqual(0);
    for (const state of ["available", "break", "ringing", "in_call", "after_call_work"]) expect(value(`hotline_agents{state="${state}"}`)).toBeGreaterThanOrEqual(0);
    for (const status of ["queued", "running", "failed"]) expect(value(`hotline_transcripts{status="${status}"}`)).toBeGreaterThanOrEqual(0);
    expect(value("hotline_webhook_deliveries_pending")).toBeGreaterThanOrEqual(0);
    expect(value("hotline_nodes")).toBeGreaterThanOrEqual(1);
    // This server runs without telephony and is not draining.
    expect([value("hotline_node_draining"), value("hotline_media_calls"), value("hotline_media_workers")]).toEqual([0, 0, 0]);
  });

  it("documents every REST route and method in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const root = join(ROOT, "app", "api", "v1");
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") {
          const path = `/api/v1${relative(root, dir).split(sep).map((s) => (s ? `/${s.replace(/^\[(\w+)\]$/, "{$1}")}` : "")).join("")}`;
          for (const [, method] of readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
            if (!doc.paths[path]?.[(method as string).toLowerCase()]) missing.push(`${method} ${path}`);
          }
        }
      }
    };
    walk(root);
    expect(missing.filter((m) => m !== "GET /api/v1/openapi.json")).toEqual([]);
  });

  it("serves the OpenAPI document generated from the zod schemas", async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; additionalProperties?: unknown } }> } }>> };
    expect(doc.openapi).toBe("3.1.0");
    const signup = doc.paths["/api/v1/signup"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(signup?.properties ?? {}).sort()).toEqual(["email", "name", "organization", "password"]);
    expect(signup?.additionalProperties).toBe(false);
    for (const path of ["/api/v1/skills", "/api/v1/skills/{id}", "/api/v1/sessions"]) expect(doc.paths[path]).toBeDefined();
  });

  it("unknown API paths answer 404 in the error shape", async () => {
    const res = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
