/**
 * Blind transfer to a queue in the records (the Socket.IO handler's path, transferInRecords):
 * the call waits again in the target queue, is offered to that queue's agent and no one else's,
 * and its record keeps the transfer; refusals change nothing.
 */
import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import { createDispatcher } from "../../acd/dispatcher";
import type { Ctx, Deps, UserEvent } from "../../context";
import { transferInRecords } from "../../realtime/call-handlers";
import * as agents from "../agents";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as calls from ".";

const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");

describe.each(testDrivers)("blind transfer to a queue on $name", (driver) => {
  let base: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps: base } = opened));

  it("re-queues the call in the target queue, offers it to that queue's agent, and records the transfer", async () => {
    const offers: Array<{ userId: string; offerId: string; callId: string; queueName: string | null }> = [];
    const deps: Deps = { ...base, notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, offerId: e.offerId, callId: e.callId, queueName: e.queueName })) };
    const admin = await makeTenant(deps);
    const system: Ctx = { deps, tenantId: admin.tenant.id, actor: { kind: "system", role: "admin" } };
    const sales = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Sales" }) });
    const billing = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Billing" }) });
    const seller = await makeQueueAgent(deps, admin.tenant.id, sales.id, "Seller");
    const otherSeller = await makeQueueAgent(deps, admin.tenant.id, sales.id, "Other seller");
    const biller = await makeQueueAgent(deps, admin.tenant.id, billing.id, "Biller");
    const dispatcher = createDispatcher(deps, { sweepMs: 3_600_000 });
    const route = async () => {
      dispatcher.kick(admin.tenant.id);
      await dispatcher.idle();
    };
    try {
      const call = await makeQueuedCall(system, sales.id, "+14155550177");
      await agents.setState({ ctx: seller, input: { state: "available" } });
      await route();
      expect(offers.map((o) => [o.userId, o.queueName])).toEqual([[userOf(seller), "Sales"]]);
      await calls.answerOffer({ ctx: seller, input: { offerId: offers[0]?.offerId ?? "" } });

      // Free agents in both queues: only Billing's may get the call once it is transferred there.
      await agents.setState({ ctx: otherSeller, input: { state: "available" } });
      await agents.setState({ ctx: biller, input: { state: "available" } });
      // Only the agent in the call transfers it; another tenant's queue is not a target.
      await expect(transferInRecords(otherSeller, call.id, { type: "queue", id: billing.id })).rejects.toMatchObject({ code: "conflict" });
      const stranger = await makeTenant(deps);
      const theirs = await queues.create({ ctx: stranger.ctx, input: queueCreate.parse({ name: "Theirs" }) });
      await expect(transferInRecords(seller, call.id, { type: "queue", id: theirs.id })).rejects.toMatchObject({ code: "not_found" });
      const unchanged = await calls.get({ ctx: system, input: { id: call.id } });
      expect(unchanged).toMatchObject({ state: "in_call", agent: { id: userOf(seller) }, queue: { id: sales.id }, transfers: [] });
      expect((await agents.getState({ ctx: seller })).state).toBe("in_call");

      await transferInRecords(seller, call.id, { type: "queue", id: billing.id });
      expect((await agents.getState({ ctx: seller })).state).toBe("after_call_work");
      const waiting = await calls.get({ ctx: system, input: { id: call.id } });
      expect(waiting).toMatchObject({ state: "queued", queue: { id: billing.id, name: "Billing" } });
      expect(waiting.transfers).toEqual([{ at: expect.any(String), type: "transfer_blind", data: { from: userOf(seller), callId: call.id, queueId: billing.id } }]);
      expect(waiting.events.map((e) => e.type).slice(-3)).toEqual(["answered", "transfer_blind", "queued"]);
      expect(waiting.events.at(-1)?.data).toMatchObject({ queueId: billing.id, queue: "Billing" });

      await route();
      expect(offers.slice(1).map((o) => [o.userId, o.callId, o.queueName])).toEqual([[userOf(biller), call.id, "Billing"]]);
      expect((await agents.getState({ ctx: otherSeller })).state).toBe("available");
      await calls.answerOffer({ ctx: biller, input: { offerId: offers[1]?.offerId ?? "" } });
      const record = await calls.get({ ctx: system, input: { id: call.id } });
      expect(record).toMatchObject({ state: "in_call", agent: { id: userOf(biller), name: "Biller" }, queue: { name: "Billing" } });
      expect(record.offers.map((o) => [o.agentName, o.result])).toEqual([
        ["Seller", "answered"],
        ["Biller", "answered"],
      ]);
      expect(record.transfers).toHaveLength(1);
      await calls.end({ ctx: system, input: { callId: call.id, reason: "caller_hangup" } });
    } finally {
      await dispatcher.close();
    }
  });
});
