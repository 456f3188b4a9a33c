/**
 * What operators graph and alert on, read when Prometheus scrapes `/metrics`: this node's media
 * plane and drain state, and the cluster's live work from the database (calls waiting and in
 * progress, agents by state, transcripts and webhook deliveries waiting). Each database figure
 * is one grouped query over a partial or status index; labels stay few (no tenant ids).
 */
import { count, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { Gauge, type Registry } from "prom-client";
import { agentStates, calls, nodes, transcripts, webhookDeliveries } from "@/db/schema";
import type { Deps } from "./context";
import { logError } from "./log";
import type { MediaPlaneStats } from "@/media/protocol";

export interface OpsSources {
  deps: Deps;
  /** This node's media plane, when it runs telephony. */
  media?: () => MediaPlaneStats | undefined;
  draining: () => boolean;
  /** Whether this node sheds new calls now (its event loop is behind). */
  overloaded?: () => boolean;
}

type Collect = (g: Gauge<string>) => Promise<void> | void;

/** A gauge read at scrape time; a figure the database cannot give now keeps its last value (the rest still serve). */
function gauge(registry: Registry, name: string, help: string, labelNames: string[], collect: Collect) {
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      try {
        await collect(this);
      } catch (e) {
        logError("metrics", `${name} could not be read`, e);
      }
    },
  });
}

/** Sets one value per label value, zero for the ones not seen (a series never vanishes). */
function byLabel(g: Gauge<string>, label: string, all: readonly string[], rows: { key: string | null; n: number }[]) {
  for (const key of all) g.set({ [label]: key }, rows.find((r) => r.key === key)?.n ?? 0);
}

export function registerOpsMetrics(registry: Registry, src: OpsSources): void {
  const db = src.deps.db;
  gauge(registry, "hotline_node_draining", "1 while this node is draining (takes no new calls)", [], (g) => void g.set(src.draining() ? 1 : 0));
  gauge(registry, "hotline_node_overloaded", "1 while this node answers new INVITEs 503 because its event loop is behind (load shedding)", [], (g) => void g.set(src.overloaded?.() ? 1 : 0));
  gauge(registry, "hotline_media_calls", "Calls with media on this node", [], (g) => void g.set(src.media?.()?.calls ?? 0));
  gauge(registry, "hotline_media_workers", "mediasoup workers running on this node", [], (g) => void g.set(src.media?.()?.workers.length ?? 0));
  gauge(registry, "hotline_media_transports", "mediasoup transports open on this node", [], (g) => void g.set(src.media?.()?.transports ?? 0));

  const CALL_STATES = ["ringing", "queued", "offering", "in_call", "voicemail"] as const;
  gauge(registry, "hotline_calls", "Calls not ended, by state (all nodes)", ["state"], async (g) => {
    const rows = await db.select({ key: calls.state, n: count() }).from(calls).where(ne(calls.state, "ended")).groupBy(calls.state);
    byLabel(g, "state", CALL_STATES, rows);
  });
  const AGENT_STATES = ["available", "break", "ringing", "in_call", "after_call_work"] as const;
  gauge(registry, "hotline_agents", "Agents signed in, by state (all nodes)", ["state"], async (g) => {
    const rows = await db.select({ key: agentStates.state, n: count() }).from(agentStates).where(ne(agentStates.state, "offline")).groupBy(agentStates.state);
    byLabel(g, "state", AGENT_STATES, rows);
  });
  const WAITING = ["queued", "running", "failed"] as const;
  gauge(registry, "hotline_transcripts", "Transcripts waiting, being made, or given up", ["status"], async (g) => {
    const rows = await db.select({ key: transcripts.status, n: count() }).from(transcripts).where(inArray(transcripts.status, [...WAITING])).groupBy(transcripts.status);
    byLabel(g, "status", WAITING, rows);
  });
  gauge(registry, "hotline_nodes", "Nodes taking calls whose heartbeat is current (each within its NODE_LOST_SECONDS)", [], async (g) => {
    const [row] = await db.select({ n: count() }).from(nodes).where(gte(nodes.seenAt, sql`now() - make_interval(secs => ${nodes.lostAfterSec})`));
    g.set(row?.n ?? 0);
  });
  gauge(registry, "hotline_webhook_deliveries_pending", "Webhook deliveries not yet delivered or given up", [], async (g) => {
    const [row] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"));
    g.set(row?.n ?? 0);
  });
}
