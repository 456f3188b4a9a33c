import { describe, expect, it } from "vitest";
import type { MediaPlane, RecordingResult } from "@/media/protocol";
import { WavWriter } from "@/media/rtp/wav";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueuedCall, makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../context";
import * as calls from "../services/calls";
import * as queues from "../services/queues";
import { queueCreate } from "../services/queues/schemas";
import { recordingPaths } from "../services/recordings/internal";
import { createCallRecording } from "./call-recording";
import type { LiveCallEntry } from "./live-calls";

describe.each(testDrivers)("a call's recording at shutdown, on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("a shutdown waits for recordings still being sealed, so the record gets them before the database closes", async () => {
    const admin = await makeTenant(deps, "rec");
    const sys: Ctx = { deps, tenantId: admin.tenant.id, actor: { kind: "system", role: "admin" } };
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const call = await makeQueuedCall(sys, queue.id);
    const w = new WavWriter(recordingPaths(deps, admin.tenant.id, call.id).plain, 2, 8000);
    w.write(new Int16Array(1600));
    w.close();
    // The recorder finishes its file a moment after the call ends (the last frames, the header).
    let finish: (r: RecordingResult) => void = () => {};
    const stopped = new Promise<RecordingResult>((resolve) => (finish = resolve));
    const entry = { callId: call.id, tenantId: admin.tenant.id, destination: null, recording: { paused: false, setPaused() {}, stop: () => stopped } } as unknown as LiveCallEntry;
    const recording = createCallRecording(deps, {} as MediaPlane);

    void recording.storeRecording(entry);
    let settled = false;
    const shutdown = recording.settled().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(settled).toBe(false);
    finish({ durationMs: 100, pausedMs: 0 } as RecordingResult);
    await shutdown;
    const record = await calls.get({ ctx: admin.ctx, input: { id: call.id } });
    expect(record.events.filter((e) => e.type === "recording_stored").map((e) => e.data)).toEqual([{ durationMs: 100 }]);
  });
});
