import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WavWriter, parseWav } from "@/media/rtp/wav";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueuedCall, makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as recordings from "../recordings";
import { recordingPaths } from "../recordings/internal";
import * as calls from ".";

describe.each(testDrivers)("calls a crashed run left open, on $name", (driver) => {
  let base: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps: base } = opened));

  it("end at the node's next start; a recording the crash cut short is sealed and attached; other nodes' calls stay", async () => {
    const here: Deps = { ...base, nodeId: `node-${randomUUID()}` };
    const elsewhere: Deps = { ...base, nodeId: `node-${randomUUID()}` };
    const admin = await makeTenant(here, "orphans");
    const sys = (deps: Deps): Ctx => ({ deps, tenantId: admin.tenant.id, actor: { kind: "system", role: "admin" } });
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const recorded = await makeQueuedCall(sys(here), queue.id, "+14155550111");
    const plain = await makeQueuedCall(sys(here), queue.id, "+14155550112");
    const other = await makeQueuedCall(sys(elsewhere), queue.id, "+14155550113");

    // The recorder had written 1.5 s of a stereo call (left 1000, right -1000) when the process died.
    const path = recordingPaths(here, admin.tenant.id, recorded.id).plain;
    const w = new WavWriter(path, 2, 8000);
    w.write(Int16Array.from({ length: 12000 * 2 }, (_, i) => (i % 2 === 0 ? 1000 : -1000)));
    w.close();

    expect(await calls.endOrphans(here, "node_restarted")).toBe(2);
    for (const id of [recorded.id, plain.id]) expect(await calls.get({ ctx: admin.ctx, input: { id } })).toMatchObject({ state: "ended", endReason: "node_restarted" });
    expect((await calls.get({ ctx: admin.ctx, input: { id: other.id } })).state).toBe("queued");

    const record = await calls.get({ ctx: admin.ctx, input: { id: recorded.id } });
    expect(record.events.filter((e) => e.type === "recording_stored").map((e) => e.data)).toEqual([{ durationMs: 1500 }]);
    expect(existsSync(path)).toBe(false);
    const wav = parseWav(await recordings.open({ ctx: admin.ctx, input: { id: recorded.id } }));
    expect([wav.channels, wav.data[0]?.length, wav.data[0]?.[100], wav.data[1]?.[100]]).toEqual([2, 12000, 1000, -1000]);
    expect((await calls.get({ ctx: admin.ctx, input: { id: plain.id } })).events.some((e) => e.type === "recording_stored")).toBe(false);
    // Nothing left for a second start.
    expect(await calls.endOrphans(here, "node_restarted")).toBe(0);
  });
});
