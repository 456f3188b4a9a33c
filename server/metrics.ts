import { Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hotline_" });
  const httpDuration = new Histogram({
    name: "hotline_http_request_duration_seconds",
    help: "HTTP request latency by method, route group and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpDuration };
}

/** Low-cardinality route label: ids collapse to :id, pages and assets to their group. */
export function routeLabel(path: string): string {
  if (path.startsWith("/_next/")) return "/_next";
  if (!path.startsWith("/api/")) return ["/healthz", "/readyz", "/metrics"].includes(path) ? path : "page";
  return path
    .split("/")
    .map((seg) => (/^[0-9a-f-]{36}$/i.test(seg) || /^\d+$/.test(seg) ? ":id" : seg))
    .slice(0, 6)
    .join("/");
}
