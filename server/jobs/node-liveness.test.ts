import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { nodes } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueuedCall, makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../context";
import * as calls from "../services/calls";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import { beat, takeOverLost } from "./node-liveness";

describe.each(testDrivers)("node liveness on $name", (driver) => {
  let base: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps: base } = opened));
  const node = (): Deps => ({ ...base, nodeId: `node-${randomUUID()}` });
  const seenAt = async (deps: Deps) => (await deps.db.select({ seenAt: nodes.seenAt }).from(nodes).where(eq(nodes.id, deps.nodeId)))[0]?.seenAt;

  it("a node silent too long is declared lost once: its calls end as node_lost, a live node's stay", async () => {
    const [survivor, other, lost, alive] = [node(), node(), node(), node()];
    expect(await beat(survivor, 30)).toBe(false); // not there yet: registered now
    expect(await beat(survivor, 30)).toBe(true);
    await beat(alive, 30);
    await beat(lost, 30);
    const admin = await makeTenant(survivor, "liveness");
    const sys = (deps: Deps): Ctx => ({ deps, tenantId: admin.tenant.id, actor: { kind: "system", role: "admin" } });
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const stranded = await makeQueuedCall(sys(lost), queue.id, "+14155550121");
    const carried = await makeQueuedCall(sys(alive), queue.id, "+14155550122");

    await lost.db.update(nodes).set({ seenAt: sql`now() - interval '31 seconds'` }).where(eq(nodes.id, lost.nodeId));
    // Silent for 31 s: lost by its own 30 s, alive by a node that would wait 60 s.
    const patient = node();
    await beat(patient, 60);
    await patient.db.update(nodes).set({ seenAt: sql`now() - interval '31 seconds'` }).where(eq(nodes.id, patient.nodeId));

    // Two survivors look at once: one of them takes the lost node over.
    const [a, b] = await Promise.all([takeOverLost(survivor), takeOverLost(other)]);
    // (Another test's server on a shared database may have been quicker: never two takers.)
    const takers = [a, b].filter((t) => t.some((x) => x.nodeId === lost.nodeId));
    expect(takers.length).toBeLessThanOrEqual(1);
    if (takers[0]) expect(takers[0]).toContainEqual({ nodeId: lost.nodeId, calls: 1 });
    expect([...a, ...b].some((x) => [alive.nodeId, survivor.nodeId, patient.nodeId].includes(x.nodeId))).toBe(false);
    expect(await seenAt(patient)).toBeInstanceOf(Date);

    expect(await calls.get({ ctx: admin.ctx, input: { id: stranded.id } })).toMatchObject({ state: "ended", endReason: "node_lost" });
    expect((await calls.get({ ctx: admin.ctx, input: { id: carried.id } })).state).toBe("queued");
    expect(await seenAt(lost)).toBeUndefined();
    expect((await takeOverLost(survivor)).some((x) => x.nodeId === lost.nodeId)).toBe(false);

    // The lost node was only cut off: its next beat says so (it then ends the calls it still holds).
    expect(await beat(lost, 30)).toBe(false);
    expect(await calls.endedAmong(lost, [stranded.id, carried.id])).toEqual(new Set([stranded.id]));
    expect(await beat(lost, 30)).toBe(true);
  });

  it("a node that beats is never declared lost, whatever its clock says", async () => {
    const [survivor, skewed] = [node(), { ...node(), now: () => new Date(Date.now() - 3_600_000) }];
    await beat(survivor, 30);
    await beat(skewed, 2);
    expect((await takeOverLost(survivor)).some((x) => x.nodeId === skewed.nodeId)).toBe(false);
    expect(await seenAt(skewed)).toBeInstanceOf(Date);
  });
});
