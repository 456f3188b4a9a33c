/**
 * Two server processes route the same tenant at the same moment against one PostgreSQL: one
 * call is never offered twice and one agent never gets two calls (the database decides). Each
 * process is a real OS process with its own connection pool (route-process.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callOffers, queueMembers, users } from "@/db/schema";
import * as agents from "@/server/services/agents";
import * as calls from "@/server/services/calls";
import * as queues from "@/server/services/queues";
import { queueCreate } from "@/server/services/queues/schemas";
import type { Ctx } from "@/server/context";
import { makeTenant, testDeps, uniqueEmail } from "../factories";
import { openMigrated, testDrivers } from "../databases";

const postgres = testDrivers.find((d) => d.name === "postgres");

function start(tenantId: string): { child: ChildProcess; ready: Promise<void>; done: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "test/acd/route-process.ts", tenantId, "30"], { env: process.env, stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  const ready = new Promise<void>((resolve) => child.stdout?.on("data", (c: Buffer) => ((out += c.toString()), out.includes("ready") && resolve())));
  const done = new Promise<string>((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`route process exited ${String(code)}: ${out}`)))));
  return { child, ready, done };
}

describe.skipIf(!postgres)("routing by two server processes on PostgreSQL", () => {
  it("never offers one call twice or one agent two calls", async () => {
    const db = await openMigrated(postgres as NonNullable<typeof postgres>);
    const deps = testDeps(db.db);
    try {
      const admin = await makeTenant(deps);
      const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Race", ringTimeoutSec: 30 }) });
      const team = await deps.db
        .insert(users)
        .values(Array.from({ length: 12 }, (_, i) => ({ tenantId: admin.ctx.tenantId, email: uniqueEmail(`race${i}`), name: `Agent ${i}`, role: "agent" as const })))
        .returning();
      await deps.db.insert(queueMembers).values(team.map((u) => ({ tenantId: admin.ctx.tenantId, queueId: queue.id, userId: u.id })));
      for (const u of team) await agents.setState({ ctx: { deps, tenantId: admin.ctx.tenantId, actor: { kind: "user", userId: u.id, role: "agent" } }, input: { state: "available" } });
      const system: Ctx = { deps, tenantId: admin.ctx.tenantId, actor: { kind: "system", role: "admin" } };
      for (let i = 0; i < 20; i++) {
        const call = await calls.startInbound({ ctx: system, input: { fromNumber: `+141555503${String(i).padStart(2, "0")}`, toNumber: "+14155550100", trunkId: null as never, sipCallId: `race-${Math.random()}`, source: "127.0.0.1" } });
        await calls.enqueue({ ctx: system, input: { callId: call.id, queueId: queue.id } });
      }
      const a = start(admin.ctx.tenantId);
      const b = start(admin.ctx.tenantId);
      await Promise.all([a.ready, b.ready]);
      a.child.stdin?.write("go\n");
      b.child.stdin?.write("go\n");
      const [outA, outB] = await Promise.all([a.done, b.done]);
      const claimed = [outA, outB].map((o) => Number(/claimed (\d+)/.exec(o)?.[1] ?? NaN));

      const pending = await deps.db
        .select()
        .from(callOffers)
        .where(and(eq(callOffers.tenantId, admin.ctx.tenantId), eq(callOffers.result, "pending")));
      // 12 agents, 20 calls: every agent rings with one call, no call rings twice.
      expect(pending).toHaveLength(12);
      expect(new Set(pending.map((p) => p.callId)).size).toBe(12);
      expect(new Set(pending.map((p) => p.userId)).size).toBe(12);
      expect((claimed[0] ?? 0) + (claimed[1] ?? 0)).toBe(12);
    } finally {
      await db.close();
    }
  }, 60_000);
});
