import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import type { Ctx, Deps, UserEvent } from "../../context";
import * as agents from "../agents";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as trunks from "../trunks";
import { trunkCreate } from "../trunks/schemas";
import * as calls from ".";

/** A tenant with a queue, agents, and a call in progress with the first agent. */
async function callInProgress(deps: Deps) {
  const admin = await makeTenant(deps);
  const tenantId = admin.ctx.tenantId;
  const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
  const system: Ctx = { deps, tenantId, actor: { kind: "system", role: "admin" } };
  const ada = await makeQueueAgent(deps, tenantId, queue.id, "Ada");
  const bo = await makeQueueAgent(deps, tenantId, queue.id, "Bo");
  await agents.setState({ ctx: ada, input: { state: "available" } });
  const call = await makeQueuedCall(system, queue.id);
  // Offer it to Ada by the records (the dispatcher's claim), then she answers.
  const { claimOffer } = await import("../../acd/edge");
  const offer = await claimOffer(deps, tenantId, { callId: call.id, userId: id(ada), reason: "test" } as never, { name: "Support", ringTimeoutSec: 30 });
  if (!offer) throw new Error("no offer");
  await calls.answerOffer({ ctx: ada, input: { offerId: offer.offerId } });
  return { admin, system, ada, bo, call };
}
const id = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");

describe.each(testDrivers)("consult and transfer to a number on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("consults an available colleague, who answers, and completes the transfer to them", async () => {
    const pushed: Array<{ userId: string; e: UserEvent }> = [];
    const d = { ...deps, notifyUser: (userId: string, e: UserEvent) => void pushed.push({ userId, e }) };
    const { system, ada, bo, call } = await callInProgress(d);
    await agents.setState({ ctx: { ...bo, deps: d }, input: { state: "available" } });
    const { offer } = await calls.consultOffer({ ctx: { ...ada, deps: d }, input: { callId: call.id, userId: id(bo) } });
    expect(offer.queueName).toBe("Consult from Ada");
    expect(pushed.find((p) => p.e.type === "call:offered" && p.e.offerId === offer.offerId)?.userId).toBe(id(bo));
    expect((await agents.getState({ ctx: bo })).state).toBe("ringing");
    await calls.consultAnswer({ ctx: { ...bo, deps: d }, input: { offerId: offer.offerId } });
    expect((await agents.getState({ ctx: bo })).state).toBe("in_call");
    await calls.consultComplete({ ctx: system, input: { callId: call.id, from: id(ada), to: { userId: id(bo) } } });
    expect((await agents.getState({ ctx: ada })).state).toBe("after_call_work");
    expect((await agents.getState({ ctx: bo })).state).toBe("in_call");
    const record = await calls.get({ ctx: system, input: { id: call.id } });
    expect(record.agent?.name).toBe("Bo");
    expect(record.events.map((e) => e.type)).toEqual(expect.arrayContaining(["consult_offered", "consult_answered", "transfer_warm"]));
    // The call ends later: Bo wraps up; Ada, who moved on, is not moved again.
    await calls.end({ ctx: system, input: { callId: call.id, reason: "caller_hangup" } });
    expect((await agents.getState({ ctx: bo })).state).toBe("after_call_work");
  });

  it("refuses consults that cannot be, and changes nothing", async () => {
    const { bo, ada, call } = await callInProgress(deps);
    const other = await makeTenant(deps);
    await expect(calls.consultOffer({ ctx: bo, input: { callId: call.id, userId: id(ada) } })).rejects.toMatchObject({ code: "conflict" });
    await expect(calls.consultOffer({ ctx: ada, input: { callId: call.id, userId: id(ada) } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(calls.consultOffer({ ctx: ada, input: { callId: call.id, userId: other.user.id } })).rejects.toMatchObject({ code: "not_found" });
    // Bo is offline: not available to consult.
    await expect(calls.consultOffer({ ctx: ada, input: { callId: call.id, userId: id(bo) } })).rejects.toMatchObject({ code: "conflict", message: "Bo is not available" });
    expect((await agents.getState({ ctx: ada })).state).toBe("in_call");
    expect((await calls.get({ ctx: ada, input: { id: call.id } })).events.map((e) => e.type)).not.toContain("consult_offered");
  });

  it("withdraws a ringing consult and frees the colleague at once", async () => {
    const { system, ada, bo, call } = await callInProgress(deps);
    await agents.setState({ ctx: bo, input: { state: "available" } });
    const { offer } = await calls.consultOffer({ ctx: ada, input: { callId: call.id, userId: id(bo) } });
    await calls.consultEnd({ ctx: system, input: { callId: call.id, reason: "cancelled", userId: id(bo) } });
    expect((await agents.getState({ ctx: bo })).state).toBe("available");
    await expect(calls.consultAnswer({ ctx: bo, input: { offerId: offer.offerId } })).rejects.toMatchObject({ code: "conflict" });
    const record = await calls.get({ ctx: system, input: { id: call.id } });
    expect(record.offers.map((o) => o.result)).toEqual(["answered", "cancelled"]);
    expect(record.state).toBe("in_call");
  });

  it("transfers to a number only through an outbound trunk; the agent moves on", async () => {
    const { admin, ada, call, system } = await callInProgress(deps);
    await expect(calls.transferToNumber({ ctx: ada, input: { callId: call.id, number: "+15550001111" } })).rejects.toMatchObject({ code: "conflict" });
    expect((await agents.getState({ ctx: ada })).state).toBe("in_call");
    await trunks.create({ ctx: admin.ctx, input: trunkCreate.parse({ name: "Out", inboundAddresses: ["192.0.2.1"], outbound: { host: "127.0.0.1", port: 9, transport: "udp", callerId: "+14155550199" } }) });
    const dial = await calls.transferToNumber({ ctx: ada, input: { callId: call.id, number: "+15550001111" } });
    expect(dial).toMatchObject({ target: { host: "127.0.0.1", port: 9 }, fromUser: "+14155550199", auth: undefined });
    expect((await agents.getState({ ctx: ada })).state).toBe("after_call_work");
    await calls.transferOutcome({ ctx: system, input: { callId: call.id, number: "+15550001111", outcome: "busy" } });
    const record = await calls.get({ ctx: system, input: { id: call.id } });
    expect(record.transfers.map((t) => t.type)).toEqual(["transfer_number", "transfer_failed"]);
    // Another tenant's call is not found, whoever asks.
    const other = await makeTenant(deps);
    await expect(calls.transferToNumber({ ctx: other.ctx, input: { callId: call.id, number: "+15550001111" } })).rejects.toMatchObject({ code: "not_found" });
  });
});
