import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import { claimOffer } from "../../acd/edge";
import type { Ctx, Deps } from "../../context";
import * as agents from "../agents";
import * as calls from "../calls";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as wallboard from ".";

/** A clock the test sets: the services stamp queue entry, answer and wrap-up with it. */
function clock(deps: Deps) {
  let at = Date.now() - 3_600_000;
  const d: Deps = { ...deps, now: () => new Date(at) };
  return { deps: d, set: (ms: number) => void (at = ms), now: () => at };
}

async function tenantWithQueue(deps: Deps) {
  const admin = await makeTenant(deps);
  const tenantId = admin.ctx.tenantId;
  const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", serviceLevelSec: 20 }) });
  const agent = (name: string) => makeQueueAgent(deps, tenantId, queue.id, name);
  const system: Ctx = { deps, tenantId, actor: { kind: "system", role: "admin" } };
  return { admin, queue, agent, system };
}
const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");

describe.each(testDrivers)("wallboard figures on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("counts waiting calls, service level, ASA, AHT, abandons, agents by state and occupancy from the records", async () => {
    const c = clock(deps);
    const { admin, queue, agent, system } = await tenantWithQueue(c.deps);
    const sys = { ...system, deps: c.deps };
    const ada = { ...(await agent("Ada")), deps: c.deps };
    const bo = { ...(await agent("Bo")), deps: c.deps };
    await agent("Cy"); // never signed in: offline
    const t0 = c.now();
    const enter = async (at: number) => {
      c.set(at);
      return makeQueuedCall(sys, queue.id, `+1415555${String(at % 10000).padStart(4, "0")}`);
    };
    const talk = async (who: Ctx, callId: string, answerAt: number, endAt: number, wrapAt: number) => {
      c.set(answerAt);
      await agents.setState({ ctx: who, input: { state: "available" } });
      const offer = await claimOffer(c.deps, sys.tenantId, { callId, userId: userOf(who), reason: "test" } as never, { name: "Support", ringTimeoutSec: 30 });
      if (!offer) throw new Error("no offer");
      await calls.answerOffer({ ctx: who, input: { offerId: offer.offerId } });
      c.set(endAt);
      await calls.end({ ctx: sys, input: { callId, reason: "caller_hangup" } });
      c.set(wrapAt);
      await calls.wrapUp({ ctx: who, input: { callId, dispositionId: null, notes: "" } });
    };
    // Answered in 10 s (within the 20 s threshold), handled 60 s + 30 s wrap-up.
    const fast = await enter(t0);
    await talk(ada, fast.id, t0 + 10_000, t0 + 70_000, t0 + 100_000);
    // Answered in 40 s (outside), handled 100 s with no wrap-up time.
    const slow = await enter(t0 + 200_000);
    await talk(bo, slow.id, t0 + 240_000, t0 + 340_000, t0 + 340_000);
    // Abandoned while waiting.
    const gone = await enter(t0 + 400_000);
    c.set(t0 + 415_000);
    await calls.end({ ctx: sys, input: { callId: gone.id, reason: "caller_hangup" } });
    // Two waiting now, the older since t0 + 500 s; Ada takes the other's offer (ringing).
    await enter(t0 + 500_000);
    const ringing = await enter(t0 + 510_000);
    c.set(t0 + 520_000);
    await agents.setState({ ctx: ada, input: { state: "available" } });
    await claimOffer(c.deps, sys.tenantId, { callId: ringing.id, userId: userOf(ada), reason: "test" } as never, { name: "Support", ringTimeoutSec: 30 });

    const board = await wallboard.figures({ ctx: { ...admin.ctx, deps: c.deps } });
    expect(board.windowHours).toBe(24);
    expect(board.queues).toHaveLength(1);
    expect(board.queues[0]).toEqual({
      id: queue.id,
      name: "Support",
      serviceLevelSec: 20,
      waiting: 2,
      oldestWaitingSince: new Date(t0 + 500_000).toISOString(),
      answered: 2,
      answeredWithinThreshold: 1,
      serviceLevel: 0.5,
      asaSec: 25,
      ahtSec: 95,
      abandoned: 1,
      abandonRate: 1 / 3,
      agents: { available: 1, ringing: 1, in_call: 0, after_call_work: 0, break: 0, offline: 1 },
      occupancy: 0.5,
      // The queue's default alert: a caller waiting the service level threshold (20 s) or longer.
      alerts: [{ kind: "longestWait", threshold: 20, value: 20, message: "A caller has waited 20s or more" }],
      nextAlertAt: null,
    });
  });

  it("shows a new queue with nothing yet, and only the tenant's own queues", async () => {
    const { admin, queue } = await tenantWithQueue(deps);
    const other = await tenantWithQueue(deps);
    const board = await wallboard.figures({ ctx: admin.ctx });
    expect(board.queues.map((q) => q.id)).toEqual([queue.id]);
    expect(board.queues[0]).toMatchObject({ waiting: 0, oldestWaitingSince: null, answered: 0, serviceLevel: null, asaSec: null, ahtSec: null, abandonRate: null, occupancy: null, alerts: [], nextAlertAt: null });
    expect((await wallboard.figures({ ctx: other.admin.ctx })).queues.map((q) => q.id)).toEqual([other.queue.id]);
  });

  it("lets a supervisor set an agent's state, audited, but not while they talk, nor another tenant's agent", async () => {
    const { admin, agent, system, queue } = await tenantWithQueue(deps);
    const ada = await agent("Ada");
    const moved = await agents.forceState({ ctx: admin.ctx, input: { userId: userOf(ada), state: "break", reason: "Meeting" } });
    expect(moved).toMatchObject({ userId: userOf(ada), state: "break", reason: "Meeting" });
    expect((await agents.getState({ ctx: ada })).state).toBe("break");
    const audit = await deps.db.select().from(auditLog).where(and(eq(auditLog.tenantId, admin.ctx.tenantId), eq(auditLog.entityId, userOf(ada))));
    expect(audit.map((a) => [a.action, a.data])).toEqual([["agent.state-forced", { state: "break", reason: "Meeting" }]]);

    // In a call: refused, nothing changed.
    await agents.forceState({ ctx: admin.ctx, input: { userId: userOf(ada), state: "available" } });
    const call = await makeQueuedCall(system, queue.id);
    const offer = await claimOffer(deps, system.tenantId, { callId: call.id, userId: userOf(ada), reason: "test" } as never, { name: "Support", ringTimeoutSec: 30 });
    if (!offer) throw new Error("no offer");
    await calls.answerOffer({ ctx: ada, input: { offerId: offer.offerId } });
    await expect(agents.forceState({ ctx: admin.ctx, input: { userId: userOf(ada), state: "offline" } })).rejects.toMatchObject({ code: "conflict", message: "Ada is on a call; their state changes when it ends" });
    expect((await agents.getState({ ctx: ada })).state).toBe("in_call");

    const other = await tenantWithQueue(deps);
    await expect(agents.forceState({ ctx: other.admin.ctx, input: { userId: userOf(ada), state: "offline" } })).rejects.toMatchObject({ code: "not_found" });
    expect((await agents.getState({ ctx: ada })).state).toBe("in_call");
    await calls.end({ ctx: system, input: { callId: call.id, reason: "test_done" } });
  });
});
