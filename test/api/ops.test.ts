import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
