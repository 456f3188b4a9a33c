import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueuedCall, makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as calls from ".";

describe.each(testDrivers)("a call's IVR path on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("keeps each step in order, and the flow's labels of the nodes that have one", async () => {
    const admin = await makeTenant(deps, "ivr-path");
    const sys: Ctx = { deps, tenantId: admin.tenant.id, actor: { kind: "system", role: "admin" } };
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const call = await makeQueuedCall(sys, queue.id);
    await calls.recordIvrStep({ ctx: sys, input: { callId: call.id, step: "hours-1:open" } });
    await calls.recordIvrStep({ ctx: sys, input: { callId: call.id, step: "menu-1:2", label: "Main menu" } });
    await calls.recordIvrStep({ ctx: sys, input: { callId: call.id, step: "queue-2", label: "Support line" } });
    const record = await calls.get({ ctx: admin.ctx, input: { id: call.id } });
    expect(record.ivrPath).toEqual(["hours-1:open", "menu-1:2", "queue-2"]);
    expect(record.ivrLabels).toEqual({ "menu-1": "Main menu", "queue-2": "Support line" });
    // Another tenant's call is not there to be written to: not found, and nothing on the call's timeline.
    const other = await makeTenant(deps, "ivr-other");
    await expect(calls.recordIvrStep({ ctx: { ...sys, tenantId: other.tenant.id }, input: { callId: call.id, step: "menu-9:1", label: "Theirs" } })).rejects.toMatchObject({ code: "not_found" });
    const after = await calls.get({ ctx: admin.ctx, input: { id: call.id } });
    expect(after.ivrPath).toEqual(["hours-1:open", "menu-1:2", "queue-2"]);
    expect(after.events.filter((e) => e.type === "ivr")).toHaveLength(3);
  });
});
