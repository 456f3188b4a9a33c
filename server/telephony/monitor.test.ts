/**
 * Who a supervisor's whisper reaches as the call changes hands. The audio of each mode is proven
 * end to end in e2e/calls/wallboard.spec.ts (three browsers, three tones); this test follows the
 * mixer roles monitor.ts asks the media plane for while the call's agent changes: a transfer
 * away (nobody hears the whisper), the next agent's browser leg (the whisper follows it), and a
 * mode change meanwhile. The call's timeline is real (PGlite, and PostgreSQL when configured).
 */
import { describe, expect, it } from "vitest";
import type { MediaPlane, MediaWebRtcLeg, MixRole } from "@/media/protocol";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import type { Deps } from "../context";
import * as calls from "../services/calls";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import { LiveCalls, type LiveCallEntry } from "./live-calls";
import { createMonitoring } from "./monitor";

/** The one part of the media plane monitoring uses: the mixer role set on a leg, in order. */
function mixerRoles() {
  const set: Array<[string, MixRole]> = [];
  const media = { getCall: () => ({ setMixRole: async (legId: string, role: MixRole) => void set.push([legId, role]) }) } as unknown as MediaPlane;
  return { media, set, last: (legId: string) => set.filter(([id]) => id === legId).at(-1)?.[1] };
}
const leg = (id: string) => ({ id }) as MediaWebRtcLeg;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe.each(testDrivers)("a whisper follows the call's agent ($name)", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => (deps = opened.deps));

  async function liveCallWithAgent() {
    const admin = await makeTenant(deps, "monitor");
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const [first, second] = [await makeQueueAgent(deps, admin.tenant.id, queue.id, "First"), await makeQueueAgent(deps, admin.tenant.id, queue.id, "Second")];
    const call = await makeQueuedCall(admin.ctx, queue.id);
    const supervisor = { ...admin.ctx, actor: { kind: "user" as const, userId: admin.user.id, role: "supervisor" as const } };
    const userOf = (ctx: typeof first) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");
    const entry: LiveCallEntry = { callId: call.id, tenantId: admin.tenant.id, destination: { type: "queue", id: queue.id }, fromNumber: call.fromNumber };
    return { admin, supervisor, entry, firstId: userOf(first), secondId: userOf(second) };
  }

  it("reaches the agent's leg, nobody once the call is transferred away, then the next agent's leg", async () => {
    const { admin, supervisor, entry, firstId, secondId } = await liveCallWithAgent();
    const live = new LiveCalls();
    live.add(entry);
    const roles = mixerRoles();
    const monitoring = createMonitoring({ media: roles.media, live, log: () => undefined });

    live.setAgent(entry, { userId: firstId, leg: leg("first-leg"), pending: null });
    await monitoring.start(supervisor, entry.callId, "whisper");
    const seat = live.partyOf(admin.tenant.id, admin.user.id, entry.callId);
    await seat.onLeg?.(leg("supervisor-leg")); // what agent-media does when the supervisor's browser connects
    seat.leg = leg("supervisor-leg");
    expect(roles.last("supervisor-leg")).toEqual({ mode: "whisper", to: "first-leg" });

    live.setAgent(entry, undefined); // a blind transfer: the first agent leaves, the call waits for the next
    await flush();
    expect(roles.last("supervisor-leg")).toEqual({ mode: "listen" });

    const next = { userId: secondId, leg: null, pending: null };
    live.setAgent(entry, next); // answered; the browser leg is not made yet
    await flush();
    expect(roles.last("supervisor-leg")).toEqual({ mode: "listen" });
    live.legReady(entry.callId, { ...next }); // some other seat's leg: nothing changes
    await flush();
    const before = roles.set.length;
    next.leg = leg("second-leg") as never;
    live.legReady(entry.callId, next);
    await flush();
    expect(roles.set.length).toBe(before + 1);
    expect(roles.last("supervisor-leg")).toEqual({ mode: "whisper", to: "second-leg" });

    // Barge is not retargeted (it is heard by every party anyway); the timeline has each step.
    await monitoring.start(supervisor, entry.callId, "barge");
    expect(roles.last("supervisor-leg")).toEqual({ mode: "party" });
    live.setAgent(entry, undefined);
    await flush();
    expect(roles.last("supervisor-leg")).toEqual({ mode: "party" });
    const record = await calls.get({ ctx: admin.ctx, input: { id: entry.callId } });
    expect(record.events.map((e) => e.type)).toEqual(expect.arrayContaining(["monitor_started", "monitor_mode"]));
  });

  it("refuses to start a whisper before the agent's browser leg exists, and changes nothing", async () => {
    const { supervisor, entry, firstId } = await liveCallWithAgent();
    const live = new LiveCalls();
    live.add(entry);
    const roles = mixerRoles();
    const monitoring = createMonitoring({ media: roles.media, live, log: () => undefined });
    live.setAgent(entry, { userId: firstId, leg: null, pending: null });
    await expect(monitoring.start(supervisor, entry.callId, "whisper")).rejects.toMatchObject({ code: "conflict" });
    expect(entry.monitors?.size ?? 0).toBe(0);
    expect(roles.set).toEqual([]);
  });
});
