import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/db/client";
import { auditLog, queues as queueTable } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import { claimOffer } from "../../acd/edge";
import type { Ctx, Deps } from "../../context";
import { parseWith } from "../../http/body";
import * as agents from "../agents";
import * as calls from "../calls";
import * as queues from "../queues";
import { queueCreate, queueUpdate } from "../queues/schemas";
import * as wallboard from ".";
import { type AlertThresholds, evaluateAlerts, formatDuration } from "./alerts";

const OFF: AlertThresholds = { alertMaxWaiting: null, alertLongestWaitSec: null, alertServiceLevelPct: null, alertAbandonRatePct: null };

/** A clock the test sets: the services stamp queue entry, answer and hang-up with it. */
function clock(deps: Deps) {
  let at = Date.now() - 3_600_000;
  const d: Deps = { ...deps, now: () => new Date(at) };
  return { deps: d, set: (ms: number) => void (at = ms), now: () => at };
}
const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");

describe("alert evaluation (pure)", () => {
  const none = { waiting: 0, oldestWaitingSince: null, answered: 0, answeredWithinThreshold: 0, abandoned: 0 };
  const now = new Date("2026-01-01T12:00:00.000Z");

  it("never rounds a percentage onto or across the threshold it breached", () => {
    // 79.96 % would print as 80 % next to "below 80 %"; 10.01 % as 10 % next to "above 10 %".
    const sl = evaluateAlerts({ ...OFF, alertServiceLevelPct: 80 }, { ...none, answered: 10_000, answeredWithinThreshold: 7996 }, now).alerts;
    expect(sl).toEqual([{ kind: "serviceLevel", threshold: 80, value: 79.9, message: "Service level 79.9% (alert below 80%)" }]);
    const ab = evaluateAlerts({ ...OFF, alertAbandonRatePct: 10 }, { ...none, answered: 8999, abandoned: 1001 }, now).alerts;
    expect(ab).toEqual([{ kind: "abandonRate", threshold: 10, value: 10.1, message: "Abandon rate 10.1% (alert above 10%)" }]);
  });

  it("starts the longest-wait alert on the millisecond the threshold is reached, and says when beforehand", () => {
    const t = { ...OFF, alertLongestWaitSec: 90 };
    const since = new Date(now.getTime() - 89_999);
    expect(evaluateAlerts(t, { ...none, waiting: 1, oldestWaitingSince: since }, now)).toEqual({ alerts: [], nextAlertAt: new Date(now.getTime() + 1) });
    const at = evaluateAlerts(t, { ...none, waiting: 1, oldestWaitingSince: since }, new Date(now.getTime() + 1));
    expect(at).toEqual({ alerts: [{ kind: "longestWait", threshold: 90, value: 90, message: "A caller has waited 1m 30s or more" }], nextAlertAt: null });
    expect(formatDuration(59)).toBe("59s");
    expect(formatDuration(3600)).toBe("1h");
    expect(formatDuration(3725)).toBe("1h 2m");
    expect(evaluateAlerts({ ...OFF, alertMaxWaiting: 1 }, { ...none, waiting: 1 }, now).alerts[0]?.message).toBe("1 call waiting (alert at 1)");
  });
});

describe.each(testDrivers)("wallboard alerts on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("stores the thresholds with the queue: the longest wait defaults to the service level; changed and turned off, audited", async () => {
    const { ctx } = await makeTenant(deps);
    const q = await queues.create({ ctx, input: queueCreate.parse({ name: "Support", serviceLevelSec: 30 }) });
    expect(q).toMatchObject({ ...OFF, alertLongestWaitSec: 30 });
    const quiet = await queues.create({ ctx, input: queueCreate.parse({ name: "Quiet", alertLongestWaitSec: null }) });
    expect(quiet).toMatchObject(OFF);

    const set = { alertMaxWaiting: 4, alertLongestWaitSec: 90, alertServiceLevelPct: 80, alertAbandonRatePct: 0 };
    expect(await queues.update({ ctx, input: { id: q.id, patch: set } })).toMatchObject(set);
    expect(await queues.get({ ctx, input: { id: q.id } })).toMatchObject(set);
    const [row] = await deps.db.select().from(queueTable).where(eq(queueTable.id, q.id));
    expect(row).toMatchObject(set);
    const off = await queues.update({ ctx, input: { id: q.id, patch: { alertMaxWaiting: null, alertAbandonRatePct: null } } });
    expect(off).toMatchObject({ alertMaxWaiting: null, alertLongestWaitSec: 90, alertServiceLevelPct: 80, alertAbandonRatePct: null });
    // Changing the service level leaves the longest-wait alert as it was set.
    expect(await queues.update({ ctx, input: { id: q.id, patch: { serviceLevelSec: 15 } } })).toMatchObject({ serviceLevelSec: 15, alertLongestWaitSec: 90 });

    const audit = await deps.db.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.entityId, q.id)));
    expect(audit.map((a) => [a.action, a.data])).toEqual([
      ["queue.create", expect.objectContaining({ name: "Support", alertLongestWaitSec: 30, alertMaxWaiting: null })],
      ["queue.update", set],
      ["queue.update", { alertMaxWaiting: null, alertAbandonRatePct: null }],
      ["queue.update", { serviceLevelSec: 15 }],
    ]);
  });

  it("refuses thresholds out of range with a readable message", () => {
    const message = (body: unknown) => {
      try {
        parseWith(queueUpdate, body);
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    const off = "or null to turn this alert off";
    expect(message({ alertMaxWaiting: -1 })).toBe(`alertMaxWaiting: must be at least 1 call (${off})`);
    expect(message({ alertMaxWaiting: 0 })).toBe(`alertMaxWaiting: must be at least 1 call (${off})`);
    expect(message({ alertMaxWaiting: 2.5 })).toBe("alertMaxWaiting: must be a whole number of calls");
    expect(message({ alertLongestWaitSec: -30 })).toBe(`alertLongestWaitSec: must be at least 1 second (${off})`);
    expect(message({ alertLongestWaitSec: 86_401 })).toBe(`alertLongestWaitSec: must be at most 86400 seconds (${off})`);
    expect(message({ alertLongestWaitSec: "60" })).toBe(`alertLongestWaitSec: must be a whole number of seconds from 1 second to 86400 seconds, ${off}`);
    expect(message({ alertServiceLevelPct: 101 })).toBe(`alertServiceLevelPct: must be at most 100% (${off})`);
    expect(message({ alertServiceLevelPct: 0 })).toBe(`alertServiceLevelPct: must be at least 1% (${off})`);
    expect(message({ alertServiceLevelPct: 80.5 })).toBe("alertServiceLevelPct: must be a whole percentage");
    expect(message({ alertAbandonRatePct: -5 })).toBe(`alertAbandonRatePct: must be at least 0% (${off})`);
    expect(message({ alertAbandonRatePct: 100 })).toBe(`alertAbandonRatePct: must be at most 99% (${off})`);
    expect(message({ alertAbandonRatePct: 150 })).toBe(`alertAbandonRatePct: must be at most 99% (${off})`);
    expect(message({ alertServiceLevelPct: 100, alertAbandonRatePct: 0, alertMaxWaiting: null })).toBe("accepted");
    expect(queueCreate.safeParse({ name: "Q", alertServiceLevelPct: 120 }).success).toBe(false);
  });

  it("reports each alert breached with its exact figure, none at the edge, and when the longest-wait alert will start", async () => {
    const c = clock(deps);
    const admin = await makeTenant(c.deps);
    const sys: Ctx = { deps: c.deps, tenantId: admin.ctx.tenantId, actor: { kind: "system", role: "admin" } };
    const q = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", serviceLevelSec: 20, alertLongestWaitSec: null }) });
    const ada = { ...(await makeQueueAgent(deps, sys.tenantId, q.id, "Ada")), deps: c.deps };
    const t0 = c.now();
    const enter = async (at: number) => {
      c.set(at);
      return makeQueuedCall(sys, q.id, `+1415555${String(at % 10000).padStart(4, "0")}`);
    };
    const answerAt = async (callId: string, at: number) => {
      c.set(at);
      await agents.setState({ ctx: ada, input: { state: "available" } });
      const offer = await claimOffer(c.deps, sys.tenantId, { callId, userId: userOf(ada), reason: "test" } as never, { name: "Support", ringTimeoutSec: 30 });
      if (!offer) throw new Error("no offer");
      await calls.answerOffer({ ctx: ada, input: { offerId: offer.offerId } });
      c.set(at + 30_000);
      await calls.end({ ctx: sys, input: { callId, reason: "caller_hangup" } });
      await calls.wrapUp({ ctx: ada, input: { callId, dispositionId: null, notes: "" } });
    };
    const abandonAt = async (callId: string, at: number) => {
      c.set(at);
      await calls.end({ ctx: sys, input: { callId, reason: "caller_hangup" } });
    };
    // Two answered, one within the 20 s service level (50 %); two abandoned (2 of 4: 50 %).
    await answerAt((await enter(t0)).id, t0 + 10_000);
    await answerAt((await enter(t0 + 100_000)).id, t0 + 140_000);
    await abandonAt((await enter(t0 + 200_000)).id, t0 + 215_000);
    await abandonAt((await enter(t0 + 300_000)).id, t0 + 305_000);
    // Three waiting now, the oldest for 45 s.
    const waitingCalls = [await enter(t0 + 400_000), await enter(t0 + 410_000), await enter(t0 + 420_000)];
    c.set(t0 + 445_000);

    const board = async () => {
      const out = await wallboard.figures({ ctx: { ...admin.ctx, deps: c.deps } });
      const tile = out.queues.find((x) => x.id === q.id);
      if (!tile) throw new Error("no tile");
      return tile;
    };
    const setAlerts = (patch: Partial<AlertThresholds>) => queues.update({ ctx: admin.ctx, input: { id: q.id, patch: { ...OFF, ...patch } } });

    // Every alert off: nothing, whatever the figures.
    expect(await board()).toMatchObject({ waiting: 3, answered: 2, answeredWithinThreshold: 1, serviceLevel: 0.5, abandoned: 2, abandonRate: 0.5, alerts: [], nextAlertAt: null });

    // Each threshold one step past the figure: all four breached, in a fixed order.
    await setAlerts({ alertMaxWaiting: 3, alertLongestWaitSec: 45, alertServiceLevelPct: 51, alertAbandonRatePct: 49 });
    expect(await board()).toMatchObject({
      alerts: [
        { kind: "waiting", threshold: 3, value: 3, message: "3 calls waiting (alert at 3)" },
        { kind: "longestWait", threshold: 45, value: 45, message: "A caller has waited 45s or more" },
        { kind: "serviceLevel", threshold: 51, value: 50, message: "Service level 50% (alert below 51%)" },
        { kind: "abandonRate", threshold: 49, value: 50, message: "Abandon rate 50% (alert above 49%)" },
      ],
      nextAlertAt: null,
    });

    // Each threshold at the edge on the good side: none breached; the longest wait's is due in 1 s.
    await setAlerts({ alertMaxWaiting: 4, alertLongestWaitSec: 46, alertServiceLevelPct: 50, alertAbandonRatePct: 50 });
    expect(await board()).toMatchObject({ alerts: [], nextAlertAt: new Date(t0 + 446_000).toISOString() });
    c.set(t0 + 446_000);
    expect(await board()).toMatchObject({
      alerts: [{ kind: "longestWait", threshold: 46, value: 46, message: "A caller has waited 46s or more" }],
      nextAlertAt: null,
    });

    // Only the waiting count over its threshold; the longest wait's alert due at 60 s.
    await setAlerts({ alertMaxWaiting: 1, alertLongestWaitSec: 60 });
    expect(await board()).toMatchObject({ alerts: [{ kind: "waiting", value: 3 }], nextAlertAt: new Date(t0 + 460_000).toISOString() });
    // The callers hang up: the alerts end by themselves, nothing is pending.
    for (const call of waitingCalls) await abandonAt(call.id, t0 + 447_000);
    expect(await board()).toMatchObject({ waiting: 0, alerts: [], nextAlertAt: null });
  });

  it("shows no rate alert before the first answered or abandoned call", async () => {
    const { ctx } = await makeTenant(deps);
    const q = await queues.create({ ctx, input: queueCreate.parse({ name: "New", alertServiceLevelPct: 100, alertAbandonRatePct: 0, alertMaxWaiting: 1 }) });
    expect((await wallboard.figures({ ctx })).queues).toEqual([expect.objectContaining({ id: q.id, serviceLevel: null, abandonRate: null, alerts: [], nextAlertAt: null })]);
  });

  it("answers another tenant's queue id with not_found when setting alerts, and changes nothing", async () => {
    const a = await makeTenant(deps);
    const b = await makeTenant(deps);
    const q = await queues.create({ ctx: a.ctx, input: queueCreate.parse({ name: "Private", alertMaxWaiting: 5 }) });
    const before = await queues.get({ ctx: a.ctx, input: { id: q.id } });
    await expect(queues.update({ ctx: b.ctx, input: { id: q.id, patch: { alertMaxWaiting: 1, alertServiceLevelPct: 99 } } })).rejects.toMatchObject({
      code: "not_found",
      message: "Queue not found",
    });
    expect(await queues.get({ ctx: a.ctx, input: { id: q.id } })).toEqual(before);
    expect((await wallboard.figures({ ctx: b.ctx })).queues).toEqual([]);
    expect(await deps.db.select().from(auditLog).where(and(eq(auditLog.tenantId, b.ctx.tenantId), eq(auditLog.entityId, q.id)))).toEqual([]);
  });

  it("the backfill migration gives queues made before it their service level as the longest-wait alert", async () => {
    const { ctx } = await makeTenant(deps);
    const backfill = readFileSync(join(MIGRATIONS_DIR, "0010_queue_alerts_backfill.sql"), "utf8");
    const rolledBack = new Error("roll back");
    await expect(
      deps.db.transaction(async (tx) => {
        // As a queue of before the migration: no alert columns set.
        const [old] = await tx.insert(queueTable).values({ tenantId: ctx.tenantId, name: "Old", strategy: "longest-idle", ringTimeoutSec: 20, maxWaitSec: 600, maxWaitAction: "voicemail", serviceLevelSec: 25, priority: 0 }).returning();
        const [off] = await tx.insert(queueTable).values({ tenantId: ctx.tenantId, name: "Set", strategy: "longest-idle", ringTimeoutSec: 20, maxWaitSec: 600, maxWaitAction: "voicemail", serviceLevelSec: 25, priority: 0, alertLongestWaitSec: 300 }).returning();
        expect(old).toMatchObject(OFF);
        await tx.execute(sql.raw(backfill));
        const rows = await tx.select().from(queueTable).where(eq(queueTable.tenantId, ctx.tenantId)).orderBy(queueTable.name);
        expect(rows.map((r) => [r.id, r.alertLongestWaitSec, r.alertMaxWaiting])).toEqual([
          [old?.id, 25, null],
          [off?.id, 300, null],
        ]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });
});
