/**
 * A queue's maximum wait in the records: which calls are due and when (a blind transfer starts
 * the wait again, a declined offer does not), the voicemail a caller is sent to, and the callback
 * ticket that says why the caller is to be called back (max wait in a queue, or chosen in the IVR).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeTenant, unique } from "@/test/factories";
import { createDispatcher } from "../../acd/dispatcher";
import type { Ctx, Deps, UserEvent } from "../../context";
import * as agents from "../agents";
import * as contacts from "../contacts";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as tickets from "../tickets";
import * as calls from ".";

const MIN = 60_000;

/** This test's own node (maxWaitDue is per node) and a clock it moves while the database keeps real time. */
function nodeWithClock(base: Deps) {
  let offset = 0;
  const offers: Array<{ userId: string; offerId: string; callId: string }> = [];
  const deps: Deps = {
    ...base,
    nodeId: `node-${randomUUID()}`,
    now: () => new Date(Date.now() + offset),
    notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, offerId: e.offerId, callId: e.callId })),
  };
  return { deps, offers, advance: (ms: number) => void (offset += ms) };
}

const system = (deps: Deps, tenantId: string): Ctx => ({ deps, tenantId, actor: { kind: "system", role: "admin" } });
const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");
const randomNumber = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

async function queuedCall(ctx: Ctx, queueId: string, fromNumber: string, contactId: string | null = null) {
  const call = await calls.startInbound({ ctx, input: { fromNumber, toNumber: "+14155550100", trunkId: null as never, sipCallId: unique("sip"), source: "127.0.0.1" } });
  await calls.enqueue({ ctx, input: { callId: call.id, queueId, contactId } });
  return call;
}

const dueIds = async (deps: Deps) => (await calls.maxWaitDue(deps)).map((d) => d.id);

describe.each(testDrivers)("maximum wait on $name", (driver) => {
  let base: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps: base } = opened));

  it("is due once the call waited past its queue's limit, only on the node that holds it, with the queue's action", async () => {
    const { deps, advance } = nodeWithClock(base);
    const admin = await makeTenant(deps);
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", maxWaitSec: 60, maxWaitAction: "callback" }) });
    const from = randomNumber();
    const call = await queuedCall(system(deps, admin.tenant.id), queue.id, from);

    expect(await dueIds(deps)).toEqual([]);
    advance(59_000);
    expect(await dueIds(deps)).toEqual([]);
    advance(2000);
    expect(await calls.maxWaitDue(deps)).toEqual([
      { id: call.id, tenantId: admin.tenant.id, action: "callback", maxWaitSec: 60, fromNumber: from, contactId: null, queueName: "Support" },
    ]);
    // Another node does not act on this node's call (it holds no SIP dialog for it).
    expect(await dueIds({ ...deps, nodeId: `node-${randomUUID()}` })).toEqual([]);
    // Ended, it is never due again.
    await calls.end({ ctx: system(deps, admin.tenant.id), input: { callId: call.id, reason: "callback_requested" } });
    expect(await dueIds(deps)).toEqual([]);
  });

  it("counts from when a blind transfer put the call in its new queue, not from the first queue; a declined offer does not restart it", async () => {
    const { deps, offers, advance } = nodeWithClock(base);
    const admin = await makeTenant(deps);
    const sales = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Sales", maxWaitSec: 600 }) });
    const billing = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Billing", maxWaitSec: 600, maxWaitAction: "voicemail" }) });
    const seller = await makeQueueAgent(deps, admin.tenant.id, sales.id, "Seller");
    const sys = system(deps, admin.tenant.id);
    const dispatcher = createDispatcher(deps, { sweepMs: 60 * MIN });
    try {
      const call = await queuedCall(sys, sales.id, randomNumber());
      await agents.setState({ ctx: seller, input: { state: "available" } });
      dispatcher.kick(admin.tenant.id);
      await dispatcher.idle();
      const offer = offers.find((o) => o.callId === call.id);
      expect(offer?.userId).toBe(userOf(seller));
      await calls.answerOffer({ ctx: seller, input: { offerId: offer?.offerId ?? "" } });

      advance(15 * MIN); // a long conversation, longer than Billing's maximum wait
      await calls.transfer({ ctx: seller, input: { callId: call.id, queueId: billing.id } });
      expect(await dueIds(deps)).not.toContain(call.id);
      advance(9 * MIN);
      expect(await dueIds(deps)).not.toContain(call.id);
      advance(MIN + 1000); // ten minutes and a second in Billing
      expect((await calls.maxWaitDue(deps)).filter((d) => d.id === call.id)).toEqual([expect.objectContaining({ queueName: "Billing", action: "voicemail", maxWaitSec: 600 })]);

      await calls.end({ ctx: sys, input: { callId: call.id, reason: "max_wait" } });

      // A caller whose offer was declined waits on: the clock keeps running from when they queued.
      const other = await queuedCall(sys, billing.id, randomNumber());
      const billingAgent = await makeQueueAgent(deps, admin.tenant.id, billing.id, "Biller");
      await agents.setState({ ctx: billingAgent, input: { state: "available" } });
      dispatcher.kick(admin.tenant.id);
      await dispatcher.idle();
      const offered = offers.find((o) => o.userId === userOf(billingAgent));
      expect(offered?.callId).toBe(other.id);
      advance(9 * MIN);
      await calls.declineOffer({ ctx: billingAgent, input: { offerId: offered?.offerId ?? "" } });
      expect((await calls.get({ ctx: sys, input: { id: other.id } })).state).toBe("queued");
      expect(await dueIds(deps)).toEqual([]);
      advance(MIN + 1000);
      expect(await dueIds(deps)).toEqual([other.id]);
    } finally {
      await dispatcher.close();
    }
  });

  it("sends the caller to voicemail: the record says why, and a message left ends as a voicemail", async () => {
    const { deps } = nodeWithClock(base);
    const admin = await makeTenant(deps);
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", maxWaitSec: 60 }) });
    const sys = system(deps, admin.tenant.id);
    const call = await queuedCall(sys, queue.id, randomNumber());
    expect((await calls.toVoicemail({ ctx: sys, input: { callId: call.id, why: "max_wait" } }))?.state).toBe("voicemail");
    await calls.end({ ctx: sys, input: { callId: call.id, reason: "caller_hangup" } });
    const record = await calls.get({ ctx: sys, input: { id: call.id } });
    expect(record).toMatchObject({ state: "ended", endReason: "voicemail" });
    expect(record.events.map((e) => [e.type, e.data])).toEqual([
      ["invite", expect.any(Object)],
      ["queued", { queueId: queue.id, queue: "Support", priority: 0 }],
      ["voicemail", { why: "max_wait" }],
      ["ended", { reason: "voicemail" }],
    ]);
    // A call that ended is not sent anywhere.
    expect(await calls.toVoicemail({ ctx: sys, input: { callId: call.id, why: "max_wait" } })).toBeNull();
  });
});

describe.each(testDrivers)("callback tickets on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("after the queue's maximum wait: says the caller waited in that queue past its limit, for their contact and number", async () => {
    const admin = await makeTenant(deps);
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", maxWaitSec: 600, maxWaitAction: "callback" }) });
    const from = randomNumber();
    const dana = await contacts.create({ ctx: admin.ctx, input: { name: "Dana Caller", phone: from, email: null, tier: "standard", notes: "" } });
    const sys = system(deps, admin.tenant.id);
    const call = await queuedCall(sys, queue.id, from, dana.id);

    const ticket = await calls.requestCallback({ ctx: sys, input: { callId: call.id, why: "max_wait", queueName: "Support", maxWaitSec: 600 } });
    const saved = await tickets.get({ ctx: admin.ctx, input: { id: ticket?.id ?? "" } });
    expect(saved).toMatchObject({
      subject: `Call back ${from}`,
      description: `The caller waited in the Support queue past its maximum wait (10 minutes); the queue offers a callback then, so the call ended. Call them back at ${from}.`,
      status: "open",
      priority: "high",
      contact: { id: dana.id, name: "Dana Caller" },
      callId: call.id,
    });
    expect(saved.description).not.toContain("IVR");
    const record = await calls.get({ ctx: sys, input: { id: call.id } });
    expect(record.events.filter((e) => e.type === "callback_requested").map((e) => e.data)).toEqual([{ ticketId: saved.id, why: "max_wait" }]);

    // Asked again (the next max-wait sweep came before the call ended): the same ticket, no second one.
    const again = await calls.requestCallback({ ctx: sys, input: { callId: call.id, why: "max_wait", queueName: "Support", maxWaitSec: 600 } });
    expect(again?.id).toBe(saved.id);
    expect((await tickets.list({ ctx: admin.ctx, input: {} })).map((t) => t.id)).toEqual([saved.id]);
    expect((await calls.get({ ctx: sys, input: { id: call.id } })).events.filter((e) => e.type === "callback_requested")).toHaveLength(1);
  });

  it("chosen in the IVR: says the caller chose it there, and links a contact made from their number", async () => {
    const admin = await makeTenant(deps);
    const from = randomNumber();
    const sys = system(deps, admin.tenant.id);
    // A call still in the IVR: no queue, no contact yet.
    const call = await calls.startInbound({ ctx: sys, input: { fromNumber: from, toNumber: "+14155550100", trunkId: null as never, sipCallId: unique("sip"), source: "127.0.0.1" } });

    const ticket = await calls.requestCallback({ ctx: sys, input: { callId: call.id, why: "ivr" } });
    const saved = await tickets.get({ ctx: admin.ctx, input: { id: ticket?.id ?? "" } });
    expect(saved).toMatchObject({
      subject: `Call back ${from}`,
      description: `The caller chose a callback in the IVR instead of waiting for an agent. Call them back at ${from}.`,
      status: "open",
      priority: "high",
      callId: call.id,
    });
    expect(saved.description).not.toMatch(/maximum wait|waited/);
    const [contact] = await contacts.list({ ctx: admin.ctx, input: { q: from } });
    expect(contact).toMatchObject({ phone: from });
    expect(saved.contact?.id).toBe(contact?.id);
    const record = await calls.get({ ctx: sys, input: { id: call.id } });
    expect(record.events.filter((e) => e.type === "callback_requested").map((e) => e.data)).toEqual([{ ticketId: saved.id, why: "ivr" }]);
  });

  it("is not made for another tenant's call", async () => {
    const a = await makeTenant(deps);
    const b = await makeTenant(deps);
    const call = await calls.startInbound({ ctx: system(deps, a.tenant.id), input: { fromNumber: randomNumber(), toNumber: "+14155550100", trunkId: null as never, sipCallId: unique("sip"), source: "127.0.0.1" } });
    await expect(calls.requestCallback({ ctx: system(deps, b.tenant.id), input: { callId: call.id, why: "ivr" } })).rejects.toMatchObject({ code: "not_found" });
    expect(await tickets.list({ ctx: b.ctx, input: {} })).toEqual([]);
    expect(await tickets.list({ ctx: a.ctx, input: {} })).toEqual([]);
  });
});
